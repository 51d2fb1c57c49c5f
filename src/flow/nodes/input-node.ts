import type { NodeHandler } from './node-handler.ts';
import type { NodeDefinition } from '../definition.ts';

type InputNode = Extract<NodeDefinition, { kind: 'input' }>;

/** Where every run starts; the application was validated against the input schema before it. */
export const inputNode: NodeHandler<InputNode> = {
  kind: 'input',
  exits: 'one',
  compile(def, ctx) {
    const next = [ctx.edges[0]!.to];
    return { id: def.id, kind: 'input', reads: [], run: () => ({ next }) };
  },
  branches: (_def, edges) => edges.map((e) => ({ label: null, to: e.to, condition: null })),
  expressions: () => [],
  writes: () => [],
};
