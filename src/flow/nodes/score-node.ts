import { explain, predictPd, reasonCodes, rowFrame, type LoadedModel } from '../../models/index.ts';
import { toJson, type FeelValue } from '../../expr/index.ts';
import type { NodeDefinition } from '../definition.ts';
import { compileFeel, freeNames } from '../feel-support.ts';
import type { NodeHandler } from './node-handler.ts';

type ScoreNode = Extract<NodeDefinition, { kind: 'score' }>;

function modelFeatures(m: LoadedModel): { name: string; kind: 'numeric' | 'categorical' }[] {
  return m.kind === 'gbdt' ? m.model.features.map((f) => ({ name: f.name, kind: f.kind })) : m.model.features.map((f) => ({ name: f.feature, kind: f.binning.kind }));
}

function plain(v: FeelValue): unknown {
  return v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : toJson(v);
}

/** Scores the application with a trained model: the PD, and optionally its reason codes. */
export const scoreNode: NodeHandler<ScoreNode> = {
  kind: 'score',
  exits: 'one',
  compile(def, ctx) {
    const model = ctx.resolve.model(def.model);
    const spec = modelFeatures(model);
    const inputs = spec.map(({ name }) => {
      const text = def.features?.[name] ?? name;
      return { name, ...compileFeel(text, ctx.knownNames, `${ctx.path}.features[${JSON.stringify(name)}]`) };
    });
    const reads = [...freeNames(inputs.map((i) => i.ast))];
    const next = [ctx.edges[0]!.to];
    return {
      id: def.id,
      kind: 'score',
      reads,
      run(state) {
        // One row, typed the way the model was trained; a variable the flow lacks is a missing value.
        const frame = rowFrame(spec, inputs.map((i) => plain(i.run(state.env))));
        const pd = predictPd(model, frame)[0]!;
        state.vars[def.output] = pd;
        const wrote: Record<string, FeelValue> = { [def.output]: pd };
        if (def.reasons) {
          const reasons = model.kind === 'gbdt' ? reasonCodes(model.model, explain(model.model, frame)[0]!).map((r) => r.feature) : model.model.reasons(frame, 0).map((r) => r.feature);
          state.vars[def.reasons] = reasons;
          wrote[def.reasons] = reasons;
        }
        return { next, wrote };
      },
    };
  },
  branches: (_def, edges) => edges.map((e) => ({ label: null, to: e.to, condition: null })),
  expressions: (def) => Object.entries(def.features ?? {}).map(([f, text]) => ({ path: `features[${JSON.stringify(f)}]`, text })),
  writes: (def) => [def.output, ...(def.reasons ? [def.reasons] : [])],
};
