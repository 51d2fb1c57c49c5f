/**
 * The shapes a flow run passes around, shared by the engine (`compile.ts`) and the node
 * handlers (`nodes/`), kept apart from both so neither imports the other for its types.
 */
import type { Env, FeelContext, FeelValue, Warning } from '../expr/index.ts';
import type { Locale } from '../support/locales.ts';
import type { DataClass, FlowDefinition } from './definition.ts';

export interface Reason {
  code: string;
  text: string;
  /** The text in other languages, by locale, as the flow gives it. */
  texts?: Partial<Record<Locale, string>>;
  severity?: 'knockout' | 'refer' | 'warning';
  node?: string;
  /** For a reason a model gave: the feature, and how much it raised the risk (log-odds for trees, points lost for scorecards). */
  feature?: string;
  impact?: number;
}

/** A score node's principal adverse features for the row it scored, worded; computed only when an output asks. */
export type ModelExplainer = () => { feature: string; code: string; text: string; impact: number }[];

export interface Offer {
  [field: string]: unknown;
}

export interface DecisionOutput {
  outcome: 'approve' | 'decline' | 'refer';
  reasons: Reason[];
  offer: Offer;
}

export interface TraceEntry {
  node: string;
  kind: string;
  /** Variables the node's expressions refer to, with their values when it ran. */
  read: Record<string, unknown>;
  /** Variables the node set. */
  wrote: Record<string, unknown>;
  branch?: string;
  /** Wall time in milliseconds. */
  ms: number;
  warnings?: Warning[];
  /** Why the node could not be evaluated; the decision then went to the flow's error outcome. */
  error?: NodeFailure;
}

export interface NodeFailure {
  code: 'evaluation_error' | 'limit_exceeded' | 'node_failed';
  message: string;
}

/** Everything one decision carries from node to node. */
export interface RunState {
  vars: FeelContext;
  env: Env;
  reasons: Reason[];
  /** `node` or `node:branch` per step, in order: the path taken. */
  path: string[];
  trace: TraceEntry[] | null;
  /** Verdicts given at review nodes, by node id, when resuming. */
  reviews: Record<string, { verdict: string; note: string; reviewer: string }>;
  /** What nodes that reach outside need: the applicant's consents, and the request's idempotency key. */
  context: RunContext;
  /** PD by score node id, for monitoring. */
  scores: Record<string, number>;
  /** The reasons of each score node that ran with a model Arbiter explains, by node id. */
  explainers: Record<string, ModelExplainer>;
}

export interface RunContext {
  consents: { scope: string; grantedAt: string; expiresAt?: string | null; channel: string }[];
  requestKey: string | null;
  /** A trial's bureau reports, by bureau node id; when set, no bureau is called (see `RunOptions.reports`). */
  reports: TrialReports | null;
}

/**
 * The mapped features a bureau node gets in a trial or a flow's test case, by node id; null
 * makes the pull fail as unavailable. Trials never call a bureau: a pull costs money and needs
 * the applicant's consent, and a test must not depend on what a bureau answers today.
 */
export type TrialReports = Readonly<Record<string, Readonly<Record<string, unknown>> | null>>;

/** What a node did: where to go next, or that the run waits or ends. */
export interface NodeStep {
  next?: string[];
  branch?: string;
  wrote?: FeelContext;
  /** What the trace shows as written, when it must differ from `wrote` (personal data masked). */
  traceWrote?: Record<string, unknown>;
  wait?: { reason: string; queue: string };
  output?: DecisionOutput;
}

export interface CompiledNode {
  readonly id: string;
  readonly kind: string;
  /** Variable names the node's expressions read (for traces). */
  readonly reads: string[];
  /** For an all-match switch: where its branches meet. */
  readonly join?: string;
  run(state: RunState): NodeStep | Promise<NodeStep>;
}

export interface FlowResolver {
  flow(id: string, version?: number): CompiledFlow;
  /** The decision table of a DMN decision: in a file (the CLI) or a stored model (`model`, "id@version"). */
  dmnTable(dmn: { file?: string; model?: string; decision: string }): import('../rules/index.ts').DecisionTableDefinition;
  model(file: string): import('../models/index.ts').LoadedModel;
  connector(reference: string): import('../connectors/index.ts').BoundConnector;
}

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
  /** Runs as a trial: bureau nodes answer from these reports instead of calling the bureau. */
  reports?: TrialReports;
}

export type FlowResult =
  | { status: 'completed'; output: DecisionOutput; path: string[]; trace: TraceEntry[] | null; ms: number; scores: Record<string, number> }
  | {
      status: 'pending_review';
      wait: { node: string; reason: string; queue: string };
      path: string[];
      trace: TraceEntry[] | null;
      ms: number;
      scores: Record<string, number>;
    };

export interface CompiledFlow {
  readonly definition: FlowDefinition;
  readonly nodes: ReadonlyMap<string, CompiledNode>;
  /** The personal-data class of every input field, variable and offer field (derived values inherit their sources'). */
  readonly classes: ReadonlyMap<string, DataClass>;
  run(application: unknown, options?: RunOptions): Promise<FlowResult>;
}

export type { FeelValue };
