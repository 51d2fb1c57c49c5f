import { useCallback, useRef, useState } from 'react';

const LIMIT = 200;
/** Keystrokes in one field within this time are one step to undo, not one per character. */
const COALESCE_MS = 1200;

export interface History<T> {
  value: T;
  /** A new state; edits with the same `group` in quick succession undo together. */
  set(next: T, group?: string): void;
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
  /** Starts again from a value (a saved version), forgetting what came before. */
  reset(value: T): void;
}

export function useHistory<T>(initial: T): History<T> {
  const [state, setState] = useState({ past: [] as T[], value: initial, future: [] as T[] });
  const last = useRef<{ group: string | undefined; at: number }>({ group: undefined, at: 0 });
  const set = useCallback((next: T, group?: string) => {
    const now = Date.now();
    const merge = group !== undefined && last.current.group === group && now - last.current.at < COALESCE_MS;
    last.current = { group, at: now };
    setState((s) => (merge ? { ...s, value: next, future: [] } : { past: [...s.past, s.value].slice(-LIMIT), value: next, future: [] }));
  }, []);
  const undo = useCallback(() => {
    last.current = { group: undefined, at: 0 };
    setState((s) => (s.past.length ? { past: s.past.slice(0, -1), value: s.past[s.past.length - 1]!, future: [s.value, ...s.future] } : s));
  }, []);
  const redo = useCallback(() => {
    last.current = { group: undefined, at: 0 };
    setState((s) => (s.future.length ? { past: [...s.past, s.value], value: s.future[0]!, future: s.future.slice(1) } : s));
  }, []);
  const reset = useCallback((value: T) => setState({ past: [], value, future: [] }), []);
  return { value: state.value, set, undo, redo, reset, canUndo: state.past.length > 0, canRedo: state.future.length > 0 };
}
