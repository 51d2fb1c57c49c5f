import type { FeelContext } from '../../expr/index.ts';
import type { NodeDefinition } from '../definition.ts';
import { compileFeel, freeNames } from '../feel-support.ts';
import type { NodeHandler } from './node-handler.ts';

type ExpressionNode = Extract<NodeDefinition, { kind: 'expression' }>;

/** Assigns variables from FEEL expressions, in order; each sees the ones before it. */
export const expressionNode: NodeHandler<ExpressionNode> = {
  kind: 'expression',
  exits: 'one',
  compile(def, ctx) {
    const assigned = Object.keys(def.assign);
    const compiled = Object.entries(def.assign).map(([name, text]) => ({
      name,
      ...compileFeel(text, ctx.knownNames, `${ctx.path}.assign[${JSON.stringify(name)}]`),
    }));
    const reads = [...freeNames(compiled.map((c) => c.ast))].filter((n) => !assigned.includes(n));
    const next = [ctx.edges[0]!.to];
    return {
      id: def.id,
      kind: 'expression',
      reads,
      run(state) {
        const wrote: FeelContext = {};
        for (const c of compiled) {
          const v = c.run(state.env);
          state.vars[c.name] = v;
          wrote[c.name] = v;
        }
        return { next, wrote };
      },
    };
  },
  branches: (_def, edges) => edges.map((e) => ({ label: null, to: e.to, condition: null })),
  expressions: (def) => Object.entries(def.assign).map(([name, text]) => ({ path: `assign[${JSON.stringify(name)}]`, text })),
  writes: (def) => Object.keys(def.assign),
};
