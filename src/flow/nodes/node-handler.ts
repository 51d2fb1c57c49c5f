import type { EdgeDefinition, NodeDefinition } from '../definition.ts';
import type { FlowIssue } from '../flow-error.ts';
import type { CompiledNode, FlowResolver } from '../run-types.ts';

export type {
  CompiledNode,
  DecisionOutput,
  FeelValue,
  FlowResolver,
  NodeFailure,
  NodeStep,
  Offer,
  Reason,
  RunContext,
  RunState,
  TraceEntry,
} from '../run-types.ts';

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
  check?(
    def: D,
    ctx: { edges: EdgeDefinition[]; path: string; inputFields: Record<string, { enum?: string[] }>; nodeKinds: ReadonlyMap<string, string> },
  ): FlowIssue[];
}
