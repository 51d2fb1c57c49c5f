import { toJson, type FeelContext } from '../../expr/index.ts';
import type { NodeDefinition } from '../definition.ts';
import { compileFeel, freeNames } from '../feel-support.ts';
import type { NodeHandler, Reason } from './node-handler.ts';

type OutputNode = Extract<NodeDefinition, { kind: 'output' }>;

/** The final decision: outcome, the reasons gathered on the way plus its own, and the offer. */
export const outputNode: NodeHandler<OutputNode> = {
  kind: 'output',
  exits: 'none',
  compile(def, ctx) {
    const offer = Object.entries(def.offer ?? {}).map(([field, text]) => ({
      field,
      ...compileFeel(text, ctx.knownNames, `${ctx.path}.offer[${JSON.stringify(field)}]`),
    }));
    const own: Reason[] = (def.reasons ?? []).map((r) => ({ ...r, node: def.id }));
    const reads = [...freeNames(offer.map((o) => o.ast))];
    return {
      id: def.id,
      kind: 'output',
      reads,
      run(state) {
        const values: FeelContext = {};
        for (const o of offer) values[o.field] = o.run(state.env);
        return { output: { outcome: def.outcome, reasons: [...state.reasons, ...own], offer: toJson(values) as Record<string, unknown> }, wrote: values };
      },
    };
  },
  branches: () => [],
  expressions: (def) => Object.entries(def.offer ?? {}).map(([field, text]) => ({ path: `offer[${JSON.stringify(field)}]`, text })),
  writes: () => [],
};
