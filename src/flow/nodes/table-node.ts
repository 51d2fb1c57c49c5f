import { compileDecisionTable, type DecisionTableDefinition } from '../../rules/index.ts';
import type { NodeDefinition } from '../definition.ts';
import { FlowError } from '../flow-error.ts';
import { freeNames } from '../feel-support.ts';
import type { NodeHandler } from './node-handler.ts';

type TableNode = Extract<NodeDefinition, { kind: 'table' }>;

/** Runs a decision table, inline or a DMN decision table by reference, into one variable. */
export const tableNode: NodeHandler<TableNode> = {
  kind: 'table',
  exits: 'one',
  compile(def, ctx) {
    let definition: DecisionTableDefinition;
    if (def.table) definition = def.table;
    else if (def.dmn) definition = ctx.resolve.dmnTable(def.dmn);
    else
      throw new FlowError('bad_node', [
        { path: ctx.path, code: 'bad_node', message: 'a table node needs "table" (inline) or "dmn" (a DMN file or stored model, and a decision)' },
      ]);
    let table: ReturnType<typeof compileDecisionTable>;
    try {
      table = compileDecisionTable(definition, ctx.knownNames);
    } catch (err) {
      throw new FlowError('bad_table', [{ path: `${ctx.path}.table`, code: 'bad_table', message: (err as Error).message }]);
    }
    const reads = [...freeNames(table.inputNodes)];
    const output = def.output;
    const next = [ctx.edges[0]!.to];
    return {
      id: def.id,
      kind: 'table',
      reads,
      run(state) {
        const r = table.evaluateIn(state.env);
        state.vars[output] = r.value;
        return { next, wrote: { [output]: r.value } };
      },
    };
  },
  branches: (_def, edges) => edges.map((e) => ({ label: null, to: e.to, condition: null })),
  expressions: (def) => [...(def.table?.inputs.map((i, k) => ({ path: `table.inputs[${k}].expression`, text: i.expression })) ?? [])],
  writes: (def) => [def.output],
  check(def, { path }) {
    if (!def.table === !def.dmn)
      return [{ path, code: 'bad_node', message: 'give exactly one of "table" (inline) and "dmn" (a DMN file or stored model, and a decision)' }];
    return [];
  },
};
