import { FAILURE_CODES, type BoundConnector } from '../../connectors/index.ts';
import type { FeelContext, FeelValue } from '../../expr/index.ts';
import { maskFor, maskValue } from '../../privacy/index.ts';
import type { NodeDefinition } from '../definition.ts';
import { compileFeel, freeNames } from '../feel-support.ts';
import { FlowError } from '../flow-error.ts';
import type { NodeHandler } from './node-handler.ts';

type BureauNode = Extract<NodeDefinition, { kind: 'bureau' }>;

/** `ok`, a catch-all `failure`, and one port per failure code for flows that treat them apart. */
const PORTS = ['ok', 'failure', ...FAILURE_CODES] as const;

/**
 * Pulls a credit report through a connector and writes the mapped features. A failure
 * (no consent, timeout, open circuit, malformed report, ...) goes out on its own port when
 * the flow has one, else on `failure`; the trace records why.
 */
export const bureauNode: NodeHandler<BureauNode> = {
  kind: 'bureau',
  exits: PORTS,
  requiredPorts: () => ['ok', 'failure'],
  compile(def, ctx) {
    const connector: BoundConnector = ctx.resolve.connector(def.connector);
    const declared = connector.connector.definition.inputs;
    const unknown = Object.keys(def.inputs).filter((k) => !(k in declared));
    const missing = Object.keys(declared).filter((k) => !(k in def.inputs));
    if (unknown.length || missing.length) {
      throw new FlowError('invalid_node', [
        ...unknown.map((k) => ({
          path: `${ctx.path}.inputs.${k}`,
          code: 'unknown_input',
          message: `connector ${connector.reference} has no input "${k}"; its inputs are ${Object.keys(declared).join(', ')}`,
        })),
        ...missing.map((k) => ({ path: `${ctx.path}.inputs`, code: 'missing_input', message: `connector ${connector.reference} needs input "${k}"` })),
      ]);
    }
    const inputs = Object.entries(def.inputs).map(([name, text]) => ({
      name,
      ...compileFeel(text, ctx.knownNames, `${ctx.path}.inputs[${JSON.stringify(name)}]`),
    }));
    const reads = [...freeNames(inputs.map((i) => i.ast))];
    const port = (name: string) => ctx.edges.find((e) => e.on === name)?.to;
    const ok = port('ok')!;
    const failure = port('failure')!;
    const personal = Object.entries(connector.connector.definition.features)
      .filter(([, f]) => f.class === 'C2')
      .map(([name]) => name);
    return {
      id: def.id,
      kind: 'bureau',
      reads,
      async run(state) {
        const values: FeelContext = {};
        for (const i of inputs) values[i.name] = i.run(state.env);
        const r = await connector.pull(values, state.context);
        if (r.ok) {
          const features = r.features as FeelContext;
          state.vars[def.output] = features;
          // C2 features are personal: the trace (shown to many roles) carries them masked.
          const shown: Record<string, unknown> = { ...features };
          for (const name of personal) shown[name] = maskValue(features[name] as FeelValue, maskFor(name));
          const pull = {
            connector: connector.reference,
            pullId: r.pullId,
            source: r.source,
            cost: r.cost,
            attempts: r.attempts,
            ms: Math.round(r.ms * 10) / 10,
          };
          return { next: [ok], branch: 'ok', wrote: { [def.output]: features }, traceWrote: { [def.output]: shown, pull } };
        }
        state.vars[def.output] = null;
        const to = port(r.code) ?? failure;
        const pull = {
          connector: connector.reference,
          pullId: r.pullId,
          failure: r.code,
          reason: r.message,
          attempts: r.attempts,
          ms: Math.round(r.ms * 10) / 10,
        };
        return { next: [to], branch: port(r.code) ? r.code : 'failure', wrote: { [def.output]: null }, traceWrote: { [def.output]: null, pull } };
      },
    };
  },
  branches: (_def, edges) => edges.map((e) => ({ label: e.on ?? null, to: e.to, condition: null })),
  expressions: (def) => Object.entries(def.inputs).map(([name, text]) => ({ path: `inputs[${JSON.stringify(name)}]`, text })),
  writes: (def) => [def.output],
};
