import type { FeelContext } from '../../expr/index.ts';
import type { NodeDefinition } from '../definition.ts';
import { FlowError } from '../flow-error.ts';
import { compileFeel, freeNames } from '../feel-support.ts';
import type { NodeHandler } from './node-handler.ts';

type SubflowNode = Extract<NodeDefinition, { kind: 'subflow' }>;

/** Runs another published flow as one step; its decision {outcome, reasons, offer} lands in a variable. */
export const subflowNode: NodeHandler<SubflowNode> = {
  kind: 'subflow',
  exits: 'one',
  compile(def, ctx) {
    const flow = ctx.resolve.flow(def.flow, def.version);
    const inputs = Object.entries(def.inputs).map(([field, text]) => ({
      field,
      ...compileFeel(text, ctx.knownNames, `${ctx.path}.inputs[${JSON.stringify(field)}]`),
    }));
    const reads = [...freeNames(inputs.map((i) => i.ast))];
    const next = [ctx.edges[0]!.to];
    return {
      id: def.id,
      kind: 'subflow',
      reads,
      async run(state) {
        const application: FeelContext = {};
        for (const i of inputs) application[i.field] = i.run(state.env);
        const result = await flow.run(application, {
          trace: false,
          consents: state.context.consents,
          requestKey: state.context.requestKey,
          ...(state.context.reports ? { reports: state.context.reports } : {}),
        });
        if (result.status !== 'completed') {
          throw new FlowError('subflow_waits', [
            { path: ctx.path, code: 'subflow_waits', message: `subflow ${def.flow} stopped for review; subflows must decide without a person` },
          ]);
        }
        const value = { outcome: result.output.outcome, reasons: result.output.reasons, offer: result.output.offer } as unknown as FeelContext;
        state.vars[def.output] = value;
        return { next, wrote: { [def.output]: value } };
      },
    };
  },
  branches: (_def, edges) => edges.map((e) => ({ label: null, to: e.to, condition: null })),
  expressions: (def) => Object.entries(def.inputs).map(([field, text]) => ({ path: `inputs[${JSON.stringify(field)}]`, text })),
  writes: (def) => [def.output],
};
