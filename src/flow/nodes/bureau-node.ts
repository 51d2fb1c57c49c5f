import { FAILURE_CODES, type BoundConnector, type PullResult } from '../../connectors/index.ts';
import { jsonToFeel } from '../../expr/index.ts';
import type { FeelContext, FeelValue } from '../../expr/index.ts';
import { maskFor, maskValue } from '../../privacy/index.ts';
import type { NodeDefinition } from '../definition.ts';
import { compileFeel, freeNames } from '../feel-support.ts';
import { FlowError } from '../flow-error.ts';
import type { NodeHandler } from './node-handler.ts';
import type { RunContext } from '../run-types.ts';

type BureauNode = Extract<NodeDefinition, { kind: 'bureau' }>;

/**
 * A trial's pull: the report given for this node, mapped onto the connector's declared features
 * (absent ones null), or unavailable. A feature the connector does not declare is refused, so a
 * test cannot pass on a name the real report will never carry.
 */
function trialPull(nodeId: string, connector: BoundConnector, ctx: RunContext): PullResult {
  const scope = connector.connector.definition.consentScope;
  // As the gateway would: without the applicant's consent, no report, so flows' no-consent paths can be tested.
  if (!ctx.consents.some((c) => c.scope === scope))
    return { ok: false, code: 'no_consent', message: `no consent with scope "${scope}": the bureau would not be called`, pullId: null, ms: 0, attempts: 0 };
  const given = ctx.reports?.[nodeId];
  if (!given) {
    const message = given === null ? 'the trial gave this pull as failed' : `no report given for bureau node ${nodeId} in this trial`;
    return { ok: false, code: 'unavailable', message, pullId: null, ms: 0, attempts: 0 };
  }
  const declared = connector.connector.definition.features;
  const unknown = Object.keys(given).filter((k) => !(k in declared));
  if (unknown.length) {
    throw new FlowError('invalid_report', [
      {
        path: `$.reports.${nodeId}`,
        code: 'invalid_report',
        message: `connector ${connector.reference} maps no feature ${unknown.map((k) => `"${k}"`).join(', ')}; its features are ${Object.keys(declared).join(', ')}`,
      },
    ]);
  }
  const features: Record<string, FeelValue> = {};
  for (const name of Object.keys(declared)) features[name] = jsonToFeel(given[name] ?? null);
  return { ok: true, features, pullId: 'trial', source: 'trial', cost: 0, ms: 0, attempts: 0 };
}

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
        const r = state.context.reports ? trialPull(def.id, connector, state.context) : await connector.pull(values, state.context);
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
