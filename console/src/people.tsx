import { useEffect, useReducer } from 'react';
import { get } from './api.ts';

/** Names of keys already asked for, by key id; null while asked. */
const names = new Map<string, string | null>();
const waiting = new Set<string>();
const listeners = new Set<() => void>();
let scheduled = false;

/** Asks for every id wanted in this tick at once (GET /v1/people), then redraws whoever showed one. */
async function flush(): Promise<void> {
  scheduled = false;
  const ids = [...waiting];
  waiting.clear();
  try {
    const { people } = await get<{ people: { id: string; name: string }[] }>(`/v1/people?ids=${encodeURIComponent(ids.join(','))}`);
    for (const p of people) names.set(p.id, p.name);
  } catch {
    // Without names, ids are shown: nothing is hidden, it is only less readable.
  }
  for (const id of ids) if (names.get(id) === null) names.set(id, id);
  for (const l of listeners) l();
}

function ask(id: string): void {
  if (names.has(id)) return;
  names.set(id, null);
  waiting.add(id);
  if (!scheduled) {
    scheduled = true;
    queueMicrotask(() => void flush());
  }
}

/** Who acted: a person's or a key's name (its id on hover); other actors (system:demo, cli) as they are. */
export function Person({ id }: { id: string | null | undefined }) {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    listeners.add(redraw);
    return () => {
      listeners.delete(redraw);
    };
  }, []);
  if (!id) return <>—</>;
  if (!id.startsWith('key_') && !id.startsWith('usr_')) return <>{id}</>;
  ask(id);
  const name = names.get(id);
  return <span title={id}>{name ?? id}</span>;
}
