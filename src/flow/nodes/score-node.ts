import { canExplain, pointsOf, reasonsFor, rowFrame, scorePd, predictPd, type Frame, type LoadedModel } from '../../models/index.ts';
import { toJson, type Env, type FeelValue } from '../../expr/index.ts';
import type { NodeDefinition } from '../definition.ts';
import { compileFeel, freeNames } from '../feel-support.ts';
import { FlowError } from '../flow-error.ts';
import type { NodeHandler, NodeStep, RunState } from './node-handler.ts';

/** An applicant is told four principal reasons at most. */
const MAX_MODEL_REASONS = 4;

type ScoreNode = Extract<NodeDefinition, { kind: 'score' }>;

function plain(v: FeelValue): unknown {
  return v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : toJson(v);
}

/** Scores the application with a model: the PD, and optionally points and reason codes. */
export const scoreNode: NodeHandler<ScoreNode> = {
  kind: 'score',
  exits: 'one',
  compile(def, ctx) {
    const model: LoadedModel = ctx.resolve.model(def.model);
    if (def.reasons && !canExplain(model)) {
      throw new FlowError('invalid_node', [
        {
          path: `${ctx.path}.reasons`,
          code: 'no_reasons',
          message: `model "${def.model}" (${model.kind}) cannot be explained: ONNX graphs other than logistic tree ensembles, ONNX trees imported without a reference sample (arbiter import --reference), and XGBoost models with categorical splits carry no reasons; drop "reasons" or use a model that does`,
        },
      ]);
    }
    const explainable = canExplain(model);
    const spec = model.features;
    const inputs = spec.map(({ name }) => {
      const text = def.features?.[name] ?? name;
      const compiled = compileFeel(text, ctx.knownNames, `${ctx.path}.features[${JSON.stringify(name)}]`);
      // A feature the flow does not map is read by name, and is a missing value (which the
      // model handles) when the flow has no such variable: that is not an evaluation error.
      const run = def.features?.[name] === undefined ? (env: Env) => env.get(name) ?? null : compiled.run;
      return { name, ...compiled, run };
    });
    const reads = [...freeNames(inputs.map((i) => i.ast))];
    const next = [ctx.edges[0]!.to];
    const finish = (state: Pick<RunState, 'vars' | 'scores' | 'explainers'>, frame: Frame, pds: Float64Array): NodeStep => {
      const pd = pds[0]!;
      const wrote: Record<string, FeelValue> = { [def.output]: pd };
      state.scores[def.id] = pd;
      // Worded on demand: TreeSHAP costs more than the score, and only an adverse output asks.
      if (explainable) state.explainers[def.id] = () => reasonsFor(model, frame, MAX_MODEL_REASONS)![0]!;
      if (def.points) wrote[def.points] = Number(pointsOf(model, pds, frame)[0]!.toFixed(2));
      if (def.reasons) wrote[def.reasons] = reasonsFor(model, frame, def.reasonCount ?? 4)![0]!.map((r) => r.feature);
      Object.assign(state.vars, wrote);
      return { next, wrote };
    };
    return {
      id: def.id,
      kind: 'score',
      reads,
      run(state) {
        // One row, typed the way the model was trained; a variable the flow lacks is a missing value.
        const frame = rowFrame(
          spec,
          inputs.map((i) => plain(i.run(state.env))),
        );
        if (model.kind === 'onnx') return scorePd(model, frame).then((pds) => finish(state, frame, pds));
        return finish(state, frame, predictPd(model, frame));
      },
    };
  },
  branches: (_def, edges) => edges.map((e) => ({ label: null, to: e.to, condition: null })),
  expressions: (def) => Object.entries(def.features ?? {}).map(([f, text]) => ({ path: `features[${JSON.stringify(f)}]`, text })),
  writes: (def) => [def.output, ...(def.points ? [def.points] : []), ...(def.reasons ? [def.reasons] : [])],
};
