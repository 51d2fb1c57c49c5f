import type { NodeDefinition, NodeKind } from '../definition.ts';
import { bureauNode } from './bureau-node.ts';
import { optimizeNode } from './optimize-node.ts';
import { expressionNode } from './expression-node.ts';
import { inputNode } from './input-node.ts';
import type { NodeHandler } from './node-handler.ts';
import { outputNode } from './output-node.ts';
import { reviewNode } from './review-node.ts';
import { rulesetNode } from './ruleset-node.ts';
import { scoreNode } from './score-node.ts';
import { subflowNode } from './subflow-node.ts';
import { switchNode } from './switch-node.ts';
import { tableNode } from './table-node.ts';

/** Every node kind the engine knows; a new kind is a handler file and a line here. */
const HANDLERS: { [K in NodeKind]: NodeHandler<Extract<NodeDefinition, { kind: K }>> } = {
  input: inputNode,
  expression: expressionNode,
  table: tableNode,
  ruleset: rulesetNode,
  switch: switchNode,
  subflow: subflowNode,
  review: reviewNode,
  output: outputNode,
  score: scoreNode,
  bureau: bureauNode,
  optimize: optimizeNode,
};

export function handlerFor(def: NodeDefinition): NodeHandler {
  return HANDLERS[def.kind] as unknown as NodeHandler;
}
