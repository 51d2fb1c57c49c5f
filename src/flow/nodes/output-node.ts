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
        const explain = def.modelReasons ? state.explainers[def.modelReasons] : undefined;
        const fromModel: Reason[] = explain
          ? explain().map((r) => ({ code: r.code, text: r.text, node: def.modelReasons, feature: r.feature, impact: r.impact }))
          : [];
        const output = { outcome: def.outcome, reasons: [...state.reasons, ...fromModel, ...own], offer: toJson(values) as Record<string, unknown> };
        // The trace shows what each feature contributed, for the console's waterfall.
        const wrote: FeelContext = fromModel.length
          ? { ...values, modelReasons: fromModel.map((r) => ({ feature: r.feature!, code: r.code, impact: r.impact! })) }
          : values;
        return { output, wrote };
      },
    };
  },
  branches: () => [],
  expressions: (def) => Object.entries(def.offer ?? {}).map(([field, text]) => ({ path: `offer[${JSON.stringify(field)}]`, text })),
  writes: () => [],
  check(def, { path, nodeKinds }) {
    if (def.modelReasons === undefined || nodeKinds.get(def.modelReasons) === 'score') return [];
    return [
      { path: `${path}.modelReasons`, code: 'bad_reference', message: `modelReasons names "${def.modelReasons}", which is not a score node of this flow` },
    ];
  },
};
