import { useEffect, useRef, useState } from 'react';
import { post } from '../api.ts';
import type { FlowDefinition, Posted } from '../types.ts';
import { takeWarmCheck } from './warm-start.ts';

/** The live check of an unsaved definition, as `POST /v1/flows/check` answers it. */
export type FlowCheck = Posted<'/v1/flows/check'>;
export type LocatedIssue = FlowCheck['issues'][number];

/** The check answered last, and how long the round trip took, for the status line. */
export interface CheckState {
  check: FlowCheck | null;
  roundTripMs: number | null;
  checking: boolean;
  error: string | null;
}

const DEBOUNCE_MS = 250;

/**
 * Checks the definition on the server as the analyst edits (after a short pause), so problems
 * appear on the node or edge they concern without a Validate button. Answers to older
 * definitions are dropped when a newer one was sent.
 */
export function useFlowCheck(definition: FlowDefinition): CheckState {
  const [state, setState] = useState<CheckState>({ check: null, roundTripMs: null, checking: true, error: null });
  const sent = useRef(0);
  useEffect(() => {
    const seq = ++sent.current;
    setState((s) => ({ ...s, checking: true }));
    const run = async () => {
      const t0 = performance.now();
      try {
        const check = await ((seq === 1 ? takeWarmCheck(definition) : null) ?? post<FlowCheck>('/v1/flows/check', { definition }));
        if (seq === sent.current) setState({ check, roundTripMs: performance.now() - t0, checking: false, error: null });
      } catch (err) {
        if (seq === sent.current) setState((s) => ({ ...s, checking: false, error: (err as Error).message }));
      }
    };
    // The first check, when the flow opens, is asked for at once (or was, by the flow's page);
    // later ones wait for a pause in typing.
    if (seq === 1) {
      void run();
      return;
    }
    const timer = setTimeout(run, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [definition]);
  return state;
}

/** Issue counts by node and by edge, for the canvas. */
export function problemCounts(issues: readonly LocatedIssue[]): { nodes: Map<string, number>; edges: Map<number, number> } {
  const nodes = new Map<string, number>();
  const edges = new Map<number, number>();
  for (const i of issues) {
    if (i.node !== undefined) nodes.set(i.node, (nodes.get(i.node) ?? 0) + 1);
    if (i.edge !== undefined) edges.set(i.edge, (edges.get(i.edge) ?? 0) + 1);
  }
  return { nodes, edges };
}
