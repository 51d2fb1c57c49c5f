import { t } from './i18n/i18n.ts';
import { useState } from 'react';
import { get } from './api.ts';
import type { Answer } from './types.ts';
import { Json, Loaded, useLoad } from './ui.tsx';

type Change = { path: string; before?: unknown; after?: unknown };
interface Changes {
  nodes: { added: string[]; removed: string[]; changed: { id: string; changes: Change[] }[] };
  edges: { added: string[]; removed: string[]; changed: { edge: string; changes: Change[] }[] };
  inputFields: { added: string[]; removed: string[]; changed: { field: string; changes: Change[] }[] };
  other: Change[];
}

const shown = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

function ChangeList({ changes }: { changes: Change[] }) {
  return (
    <ul className="small">
      {changes.map((c, i) => (
        <li key={i}>
          <code>{c.path.replace(/^\$\.?/, '') || '(whole)'}</code>: <del>{shown(c.before)}</del> → <ins>{shown(c.after)}</ins>
        </li>
      ))}
    </ul>
  );
}

function Group({ title, added, removed, changed }: { title: string; added: string[]; removed: string[]; changed: { name: string; changes: Change[] }[] }) {
  if (!added.length && !removed.length && !changed.length) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul>
        {added.map((a) => (
          <li key={`+${a}`}>
            <span className="badge badge-approve">{t('added')}</span> <code>{a}</code>
          </li>
        ))}
        {removed.map((r) => (
          <li key={`-${r}`}>
            <span className="badge badge-decline">{t('removed')}</span> <code>{r}</code>
          </li>
        ))}
        {changed.map((c) => (
          <li key={`~${c.name}`}>
            <span className="badge">{t('changed')}</span> <code>{c.name}</code>
            <ChangeList changes={c.changes} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** What changed from one flow version to another, by node, edge and input field, as a reader would want it. */
export function FlowChanges({ flowId, from, to }: { flowId: string; from: number; to: number }) {
  const diff = useLoad(
    () => get<Answer<'/v1/flows/{id}/diff'>>(`/v1/flows/${encodeURIComponent(flowId)}/diff?from=${from}&to=${to}`) as Promise<Changes>,
    [flowId, from, to],
  );
  const [raw, setRaw] = useState(false);
  return (
    <Loaded state={diff} what={t('the changes')}>
      {(d) => {
        const none = !d.nodes.added.length && !d.nodes.removed.length && !d.nodes.changed.length && !d.edges.added.length && !d.edges.removed.length;
        return (
          <div className="flow-changes">
            {none &&
            !d.edges.changed.length &&
            !d.inputFields.added.length &&
            !d.inputFields.removed.length &&
            !d.inputFields.changed.length &&
            !d.other.length ? (
              <p className="muted">{t('No differences.')}</p>
            ) : null}
            <Group
              title={t('Nodes')}
              added={d.nodes.added}
              removed={d.nodes.removed}
              changed={d.nodes.changed.map((c) => ({ name: c.id, changes: c.changes }))}
            />
            <Group
              title={t('Edges')}
              added={d.edges.added}
              removed={d.edges.removed}
              changed={d.edges.changed.map((c) => ({ name: c.edge, changes: c.changes }))}
            />
            <Group
              title={t('Input fields')}
              added={d.inputFields.added}
              removed={d.inputFields.removed}
              changed={d.inputFields.changed.map((c) => ({ name: c.field, changes: c.changes }))}
            />
            {d.other.length ? (
              <>
                <h4>{t('Other settings')}</h4>
                <ChangeList changes={d.other} />
              </>
            ) : null}
            <button type="button" className="btn btn-secondary" onClick={() => setRaw(!raw)} aria-expanded={raw}>
              {raw ? t('Hide') : t('Show')} {t('as JSON')}
            </button>
            {raw ? <Json value={d} /> : null}
          </div>
        );
      }}
    </Loaded>
  );
}
