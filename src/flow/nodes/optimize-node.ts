import { isFeelNumber, toDouble, type FeelContext, type FeelValue } from '../../expr/index.ts';
import { actionsOf, chooseOffer, type Applicant } from '../../optimize/index.ts';
import type { NodeDefinition } from '../definition.ts';
import { compileFeel, freeNames } from '../feel-support.ts';
import { FlowError } from '../flow-error.ts';
import type { NodeHandler } from './node-handler.ts';

type OptimizeNode = Extract<NodeDefinition, { kind: 'optimize' }>;

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Values every offer the strategy allows (decline; each limit with each rate) for this
 * application and takes the one with the highest expected profit among the affordable ones.
 * The trace lists every candidate with its expected profit and loss, and why the winner won.
 */
export const optimizeNode: NodeHandler<OptimizeNode> = {
  kind: 'optimize',
  exits: ['approve', 'decline'],
  requiredPorts: () => ['approve', 'decline'],
  compile(def, ctx) {
    const inputs = Object.entries(def.inputs).map(([name, text]) => ({ name, ...compileFeel(text!, ctx.knownNames, `${ctx.path}.inputs.${name}`) }));
    const reads = [...freeNames(inputs.map((i) => i.ast))];
    const actions = actionsOf(def.strategy);
    const approve = ctx.edges.find((e) => e.on === 'approve')!.to;
    const decline = ctx.edges.find((e) => e.on === 'decline')!.to;
    return {
      id: def.id,
      kind: 'optimize',
      reads,
      run(state) {
        const v: Record<string, FeelValue> = {};
        for (const i of inputs) v[i.name] = i.run(state.env);
        const num = (name: string, required: boolean): number | undefined => {
          const given = v[name];
          if (given === undefined || (given === null && !required)) return undefined;
          // The optimiser works in doubles; a 34-digit FEEL result is rounded to the nearest.
          const x = isFeelNumber(given) ? toDouble(given) : given;
          if (typeof x !== 'number' || !Number.isFinite(x)) {
            throw new FlowError('invalid_value', [
              {
                path: `${ctx.path}.inputs.${name}`,
                code: 'invalid_value',
                message: `optimize node ${def.id}: "${name}" must be a number, got ${x === null ? 'null' : typeof x}`,
              },
            ]);
          }
          return x;
        };
        const applicant: Applicant = {
          pd: num('pd', true)!,
          amount: num('amount', true)!,
          termMonths: num('term', true)!,
          monthlyIncome: num('income', true)!,
          monthlyDebt: num('debt', true)!,
          lgd: num('lgd', false),
          ead: num('ead', false),
        };
        const choice = chooseOffer(applicant, def.strategy, num('maxPd', false) ?? null, actions);
        const b = choice.best;
        const offer: FeelContext = {
          approve: b.action.approve,
          limit: round(b.limit),
          rate: b.action.rate,
          expectedProfit: round(b.profit),
          expectedLoss: round(b.loss),
          takeUp: round(b.takeUp, 4),
          instalment: round(b.instalment),
        };
        state.vars[def.output] = offer;
        const candidates = choice.candidates.map((c) => ({
          limit: round(c.limit),
          rate: c.action.rate,
          approve: c.action.approve,
          expectedProfit: round(c.profit),
          expectedLoss: round(c.loss),
          takeUp: round(c.takeUp, 4),
          ...(c.refused ? { refused: c.refused } : {}),
        }));
        const port = b.action.approve ? 'approve' : 'decline';
        return {
          next: [b.action.approve ? approve : decline],
          branch: port,
          wrote: { [def.output]: offer },
          traceWrote: { [def.output]: offer, why: choice.why, candidates },
        };
      },
    };
  },
  branches: (_def, edges) => edges.map((e) => ({ label: e.on ?? null, to: e.to, condition: null })),
  expressions: (def) => Object.entries(def.inputs).map(([name, text]) => ({ path: `inputs.${name}`, text: text! })),
  writes: (def) => [def.output],
};
