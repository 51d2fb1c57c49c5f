import { BUILTIN_NAMES, parseExpression } from '../expr/index.ts';
import { tableToDmnXml, type DmnVersion } from '../rules/index.ts';
import type { FlowDefinition, NodeDefinition } from './definition.ts';
import { freeNames } from './feel-support.ts';
import { FlowError } from './flow-error.ts';
import { knownNamesOf } from './static-checks.ts';

/**
 * A table node's inline table as a DMN 1.5 (or 1.3) model of one decision, named as the node's
 * output variable, with input data for each variable its input expressions read: what a modeler
 * opens, and what a stored DMN model can be made from.
 */
export function tableNodeAsDmn(def: FlowDefinition, node: Extract<NodeDefinition, { kind: 'table' }>, dmnVersion: DmnVersion = '1.5'): string {
  if (!node.table)
    throw new FlowError('not_inline', [
      {
        path: '$.nodes',
        code: 'not_inline',
        message: `table node ${node.id} names a DMN decision (${node.dmn?.model ?? node.dmn?.file}); download that model instead`,
      },
    ]);
  const known = [...BUILTIN_NAMES, ...knownNamesOf(def)];
  const inputs = new Set<string>();
  for (const input of node.table.inputs) for (const name of freeNames(parseExpression(input.expression, known))) inputs.add(name);
  return tableToDmnXml(node.table, { decision: node.output, inputs: [...inputs], modelName: `${def.name}: ${node.label ?? node.id}`, dmnVersion });
}
