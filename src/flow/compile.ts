import { performance } from 'node:perf_hooks';
import { Env, LIMIT_CODES, type EvaluationLimits } from '../expr/index.ts';
import { applicationReader } from './application.ts';
import { flowSchema, type FlowDefinition } from './definition.ts';
import { FlowError, jsonPath, type FlowIssue } from './flow-error.ts';
import type { CompiledFlow, CompiledNode, DecisionOutput, FlowResolver, NodeFailure, NodeStep, RunState, TraceEntry } from './run-types.ts';
import { errorOutcome, FLOW_LIMITS } from './fail-closed.ts';
import { derivedClasses } from './derived-classes.ts';
import { handlerFor } from './nodes/registry.ts';
import { checkFlow, knownNamesOf } from './static-checks.ts';

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
  dmnTable: (dmn) => {
    throw new FlowError('unknown_dmn', [{ path: '$', code: 'unknown_dmn', message: `DMN ${dmn.file ?? dmn.model} cannot be resolved here` }]);
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
    nodes.set(
      n.id,
      handlerFor(n).compile(n, { flowId: def.id, knownNames, edges: def.edges.filter((e) => e.from === n.id), path: `$.nodes[${i}]`, resolve: resolver }),
    );
  });
  const start = def.nodes.find((n) => n.kind === 'input')!.id;
  const classes = derivedClasses(def, nodes, knownNames);

  type Stop = { output: DecisionOutput } | { wait: { node: string; reason: string; queue: string } } | null;

  /** A node's trace entry: the variables it read as they are now, what it wrote, its time and the warnings it gave. */
  const traceEntry = (state: RunState, node: CompiledNode, t0: number, wrote: Record<string, unknown>, branch: string | undefined): TraceEntry => {
    // FEEL values go in as they are (immutable; they serialise through toJSON), not copied.
    const read: Record<string, unknown> = {};
    for (const name of node.reads) read[name] = state.env.get(name) ?? null;
    const entry: TraceEntry = { node: node.id, kind: node.kind, read, wrote, branch, ms: Math.round((performance.now() - t0) * 1e4) / 1e4 };
    if (state.env.sink.warnings.length) entry.warnings = state.env.sink.warnings.splice(0);
    return entry;
  };

  const record = (state: RunState, node: CompiledNode, step: NodeStep, t0: number): Stop | undefined => {
    state.path.push(step.branch === undefined ? node.id : `${node.id}:${step.branch}`);
    if (state.trace) state.trace.push(traceEntry(state, node, t0, step.traceWrote ?? step.wrote ?? {}, step.branch));
    if (step.output) return { output: step.output };
    if (step.wait) return { wait: { node: node.id, ...step.wait } };
    return undefined;
  };

  const onError = errorOutcome(def);

  /**
   * A node that could not be evaluated (a FEEL error, a spent budget, a failure inside the
   * node) ends the decision at the flow's error outcome, never on the path its null would
   * have taken: a knock-out rule that errors must not let the application through.
   */
  const failClosed = (state: RunState, node: CompiledNode, cause: NodeFailure, t0: number): Stop => {
    state.path.push(`${node.id}:error`);
    if (state.trace) state.trace.push({ ...traceEntry(state, node, t0, {}, 'error'), error: cause });
    return { output: { outcome: onError.outcome, reasons: [...state.reasons, { ...onError.reason, severity: 'refer', node: node.id }], offer: {} } };
  };

  /** Did the node's evaluation give a FEEL error (a warning) since `given`? */
  const failureSince = (state: RunState, given: number, seen: number): NodeFailure | null => {
    const sink = state.env.sink;
    if (sink.given === given) return null;
    const warnings = sink.warnings.slice(seen);
    const limit = warnings.find((w) => LIMIT_CODES.has(w.code));
    const first = limit ?? warnings[0];
    return { code: limit ? 'limit_exceeded' : 'evaluation_error', message: first ? `${first.code}: ${first.message}` : 'the evaluation gave an error' };
  };

  /** After a node's step: its failure, or what `record` makes of the step. */
  const settle = (state: RunState, node: CompiledNode, step: NodeStep, t0: number, given: number, seen: number): Stop | undefined => {
    const failure = failureSince(state, given, seen);
    return failure ? failClosed(state, node, failure, t0) : record(state, node, step, t0);
  };

  /** An exception inside a node is that node's failure; a FlowError (the application, the flow) stays the caller's error. */
  const thrown = (err: unknown): NodeFailure => {
    if (err instanceof FlowError) throw err;
    return { code: 'node_failed', message: err instanceof Error ? err.message : String(err) };
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
      const given = state.env.sink.given;
      const seen = state.env.sink.warnings.length;
      let step: NodeStep | Promise<NodeStep>;
      try {
        step = node.run(state);
      } catch (err) {
        return failClosed(state, node, thrown(err), t0);
      }
      if (step instanceof Promise) {
        return step.then(
          (s) => continueAfter(state, node, s, t0, until, given, seen),
          (err: unknown) => failClosed(state, node, thrown(err), t0),
        );
      }
      const stop = settle(state, node, step, t0, given, seen);
      if (stop !== undefined) return stop;
      const next = step.next!;
      if (next.length === 1) {
        current = next[0]!;
        continue;
      }
      return runBranches(state, node, next, until);
    }
  }

  async function continueAfter(
    state: RunState,
    node: CompiledNode,
    step: NodeStep,
    t0: number,
    until: string | null,
    given: number,
    seen: number,
  ): Promise<Stop> {
    const stop = settle(state, node, step, t0, given, seen);
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
  const limits: EvaluationLimits = { ...FLOW_LIMITS, ...def.limits };

  return {
    definition: def,
    nodes,
    classes,
    async run(application, options = {}) {
      const t0 = performance.now();
      const { vars, issues: appIssues } = readApplication(application, options.allowMissing);
      if (appIssues.length) throw new FlowError('invalid_application', appIssues);
      const consents = (options.consents ?? []).map((c) => ({ scope: c.scope, grantedAt: c.grantedAt, expiresAt: c.expiresAt ?? null, channel: c.channel }));
      vars.consents = consents;
      const context = { consents, requestKey: options.requestKey ?? null, reports: options.reports ?? null };
      const state: RunState = {
        vars,
        env: Env.root(vars, limits),
        reasons: [],
        path: [],
        trace: options.trace === false ? null : [],
        reviews: options.reviews ?? {},
        context,
        scores: {},
        explainers: {},
      };
      let stop = execute(state, start, null);
      if (stop instanceof Promise) stop = await stop;
      const ms = performance.now() - t0;
      if (stop && 'output' in stop) return { status: 'completed', output: stop.output, path: state.path, trace: state.trace, ms, scores: state.scores };
      if (stop && 'wait' in stop) return { status: 'pending_review', wait: stop.wait, path: state.path, trace: state.trace, ms, scores: state.scores };
      throw new FlowError('no_output', [{ path: '$', code: 'no_output', message: 'the run ended without reaching an output node' }]);
    },
  };
}

export type { CompiledFlow, FlowResult, ReviewVerdict, RunOptions } from './run-types.ts';
