import type { Env, FeelContext, FeelValue, Warning } from '../../expr/index.ts';
import type { EdgeDefinition, NodeDefinition } from '../definition.ts';
import type { FlowIssue } from '../flow-error.ts';

export interface Reason {
  code: string;
  text: string;
  severity?: 'knockout' | 'refer' | 'warning';
  node?: string;
}

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
}

export interface RunContext {
  consents: { scope: string; grantedAt: string; expiresAt?: string | null; channel: string }[];
  requestKey: string | null;
}

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

/** One way out of a node, for path analysis. */
export interface Branch {
  label: string | null;
  to: string;
  condition: string | null;
}

export interface CompileContext {
  flowId: string;
  /** Names usable in FEEL: input fields and assigned variables (for names with spaces). */
  knownNames: string[];
  /** Edges leaving this node, in definition order. */
  edges: EdgeDefinition[];
  /** The JSON path of this node in the definition, for messages. */
  path: string;
  /** Resolves subflows, DMN files, models and connectors. */
  resolve: FlowResolver;
}

export interface FlowResolver {
  flow(id: string, version?: number): import('../compile.ts').CompiledFlow;
  dmnTable(file: string, decision: string): import('../../rules/index.ts').DecisionTableDefinition;
  model(file: string): import('../../models/index.ts').LoadedModel;
  connector(reference: string): import('../../connectors/index.ts').BoundConnector;
}

/** A FEEL text a node holds: checked for syntax and undefined names at save time. */
export interface NodeExpression {
  path: string;
  text: string;
  unary?: boolean;
}

export interface NodeHandler<D extends NodeDefinition = NodeDefinition> {
  readonly kind: D['kind'];
  /** Which outgoing edges the node takes: 'none' (outputs), 'one', or the `on` ports it knows. */
  readonly exits: 'none' | 'one' | 'conditions' | readonly string[];
  /** Ports that must have an edge. */
  requiredPorts?(def: D): string[];
  compile(def: D, ctx: CompileContext): CompiledNode;
  branches(def: D, edges: EdgeDefinition[]): Branch[];
  expressions(def: D): NodeExpression[];
  /** Variables the node defines for later nodes. */
  writes(def: D): string[];
  /** Node-specific checks beyond the schema. */
  check?(def: D, ctx: { edges: EdgeDefinition[]; path: string; inputFields: Record<string, { enum?: string[] }> }): FlowIssue[];
}

export type { FeelValue };
