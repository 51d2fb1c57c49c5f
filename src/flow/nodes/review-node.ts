import type { NodeDefinition } from '../definition.ts';
import type { NodeHandler } from './node-handler.ts';

type ReviewNode = Extract<NodeDefinition, { kind: 'review' }>;

export const REVIEW_VERDICTS = ['approve', 'decline'] as const;

/**
 * Stops the run until a person decides. Resumed with a verdict, it leaves by the edge
 * `on` that verdict and sets the variable `review` to {verdict, note}.
 */
export const reviewNode: NodeHandler<ReviewNode> = {
  kind: 'review',
  exits: REVIEW_VERDICTS,
  requiredPorts: () => [...REVIEW_VERDICTS],
  compile(def, ctx) {
    const ports = Object.fromEntries(ctx.edges.map((e) => [e.on, e.to]));
    const queue = def.queue ?? 'default';
    return {
      id: def.id,
      kind: 'review',
      reads: [],
      run(state) {
        const given = state.reviews[def.id];
        if (!given) return { wait: { reason: def.reason, queue } };
        const review = { verdict: given.verdict, note: given.note };
        state.vars.review = review;
        return { next: [ports[given.verdict]!], branch: given.verdict, wrote: { review } };
      },
    };
  },
  branches: (_def, edges) => edges.map((e) => ({ label: e.on!, to: e.to, condition: `reviewer ${e.on}s` })),
  expressions: () => [],
  writes: () => ['review'],
};
