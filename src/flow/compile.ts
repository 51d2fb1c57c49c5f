import { performance } from 'node:perf_hooks';
import { Env } from '../expr/index.ts';
import { applicationReader } from './application.ts';
import { flowSchema, type FlowDefinition } from './definition.ts';
import { FlowError, jsonPath, type FlowIssue } from './flow-error.ts';
import type { CompiledNode, DecisionOutput, FlowResolver, NodeStep, RunState, TraceEntry } from './nodes/node-handler.ts';
import { handlerFor } from './nodes/registry.ts';
import { checkFlow, knownNamesOf } from './static-checks.ts';

export interface ReviewVerdict {
  verdict: 'approve' | 'decline';
  note: string;
  reviewer: string;
}

export interface RunOptions {
  trace?: boolean;
  /** Verdicts already given, by review node id: a resumed decision replays to its review and goes on. */
  reviews?: Record<string, ReviewVerdict>;
  /** Fields that may be missing although required: C3 fields, which are never stored, on a replay. */
  allowMissing?: readonly string[];
  /** The applicant's consents, visible to the flow as the variable `consents`. */
  consents?: { scope: string; grantedAt: string; expiresAt?: string | null; channel: string }[];
  /** The decision request's idempotency key: bureau nodes reuse the report an earlier run of it pulled. */
  requestKey?: string | null;
}

export type FlowResult =
  | { status: 'completed'; output: DecisionOutput; path: string[]; trace: TraceEntry[] | null; ms: number; scores: Record<string, number> }
  | { status: 'pending_review'; wait: { node: string; reason: string; queue: string }; path: string[]; trace: TraceEntry[] | null; ms: number; scores: Record<string, number> };

export interface CompiledFlow {
  readonly definition: FlowDefinition;
  readonly nodes: ReadonlyMap<string, CompiledNode>;
  run(application: unknown, options?: RunOptions): Promise<FlowResult>;
}

/** Parses a flow definition against the JSON Schema; every violation with its JSON path. */
export function parseFlow(input: unknown): FlowDefinition {
  const parsed = flowSchema.safeParse(input);
  if (!parsed.success) {
    throw new FlowError(
      'invalid_flow',
      parsed.error.issues.map((i) => ({ path: jsonPath(i.path), code: 'schema', message: i.message })),
    );
  }
  return parsed.data;
}

const noResolver: FlowResolver = {
  flow: (id) => {
    throw new FlowError('unknown_flow', [{ path: '$', code: 'unknown_flow', message: `subflow "${id}" cannot be resolved here` }]);
  },
  dmnTable: (file) => {
    throw new FlowError('unknown_dmn', [{ path: '$', code: 'unknown_dmn', message: `DMN file "${file}" cannot be resolved here` }]);
  },
  model: (file) => {
    throw new FlowError('unknown_model', [{ path: '$', code: 'unknown_model', message: `model file "${file}" cannot be resolved here` }]);
  },
  connector: (ref) => {
    throw new FlowError('unknown_connector', [{ path: '$', code: 'unknown_connector', message: `connector "${ref}" cannot be resolved here` }]);
  },
};

/** Validates (schema and static checks) and compiles a flow once; its `run` is then pure closures. */
export function compileFlow(input: unknown, resolver: FlowResolver = noResolver): CompiledFlow {
  const def = parseFlow(input);
  const issues: FlowIssue[] = checkFlow(def);
  if (issues.length) throw new FlowError('invalid_flow', issues);
  const knownNames = knownNamesOf(def);
  const nodes = new Map<string, CompiledNode>();
  def.nodes.forEach((n, i) => {
    nodes.set(n.id, handlerFor(n).compile(n, { flowId: def.id, knownNames, edges: def.edges.filter((e) => e.from === n.id), path: `$.nodes[${i}]`, resolve: resolver }));
  });
  const start = def.nodes.find((n) => n.kind === 'input')!.id;

  type Stop = { output: DecisionOutput } | { wait: { node: string; reason: string; queue: string } } | null;

  const record = (state: RunState, node: CompiledNode, step: NodeStep, t0: number): Stop | undefined => {
    state.path.push(step.branch === undefined ? node.id : `${node.id}:${step.branch}`);
    if (state.trace) {
      // FEEL values go in as they are (immutable; they serialise through toJSON), not copied.
      const read: Record<string, unknown> = {};
      for (const name of node.reads) read[name] = state.env.get(name) ?? null;
      const entry: TraceEntry = { node: node.id, kind: node.kind, read, wrote: step.traceWrote ?? step.wrote ?? {}, branch: step.branch, ms: Math.round((performance.now() - t0) * 1e4) / 1e4 };
      if (state.env.sink.warnings.length) entry.warnings = state.env.sink.warnings.splice(0);
      state.trace.push(entry);
    }
    if (step.output) return { output: step.output };
    if (step.wait) return { wait: { node: node.id, ...step.wait } };
    return undefined;
  };

  /**
   * Runs from `from` until an output, a review wait, or (for all-match branches) the `until`
   * node. Synchronous while the nodes are; the first node that returns a promise (a bureau
   * call, a subflow) hands the rest of the run to the asynchronous version.
   */
  function execute(state: RunState, from: string, until: string | null): Stop | Promise<Stop> {
    let current = from;
    for (;;) {
      if (current === until) return null;
      const node = nodes.get(current)!;
      const t0 = state.trace ? performance.now() : 0;
      const step = node.run(state);
      if (step instanceof Promise) return step.then((s) => continueAfter(state, node, s, t0, until));
      const stop = record(state, node, step, t0);
      if (stop !== undefined) return stop;
      const next = step.next!;
      if (next.length === 1) {
        current = next[0]!;
        continue;
      }
      return runBranches(state, node, next, until);
    }
  }

  async function continueAfter(state: RunState, node: CompiledNode, step: NodeStep, t0: number, until: string | null): Promise<Stop> {
    const stop = record(state, node, step, t0);
    if (stop !== undefined) return stop;
    const next = step.next!;
    if (next.length === 1) return execute(state, next[0]!, until);
    return runBranches(state, node, next, until);
  }

  async function runBranches(state: RunState, node: CompiledNode, branches: string[], until: string | null): Promise<Stop> {
    for (const branch of branches) {
      const stop = await execute(state, branch, node.join!);
      if (stop) return stop;
    }
    return execute(state, node.join!, until);
  }

  const readApplication = applicationReader(def.input.fields);

  return {
    definition: def,
    nodes,
    async run(application, options = {}) {
      const t0 = performance.now();
      const { vars, issues: appIssues } = readApplication(application, options.allowMissing);
      if (appIssues.length) throw new FlowError('invalid_application', appIssues);
      const consents = (options.consents ?? []).map((c) => ({ scope: c.scope, grantedAt: c.grantedAt, expiresAt: c.expiresAt ?? null, channel: c.channel }));
      vars.consents = consents;
      const context = { consents, requestKey: options.requestKey ?? null };
      const state: RunState = { vars, env: Env.root(vars), reasons: [], path: [], trace: options.trace === false ? null : [], reviews: options.reviews ?? {}, context, scores: {} };
      let stop = execute(state, start, null);
      if (stop instanceof Promise) stop = await stop;
      const ms = performance.now() - t0;
      if (stop && 'output' in stop) return { status: 'completed', output: stop.output, path: state.path, trace: state.trace, ms, scores: state.scores };
      if (stop && 'wait' in stop) return { status: 'pending_review', wait: stop.wait, path: state.path, trace: state.trace, ms, scores: state.scores };
      throw new FlowError('no_output', [{ path: '$', code: 'no_output', message: 'the run ended without reaching an output node' }]);
    },
  };
}
