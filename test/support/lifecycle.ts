import { modelFile, parseModelFile, trainBooster, type ModelFile } from '../../src/models/index.ts';
import { generatePopulation, populationFrame } from '../../src/tools/synth/index.ts';
import {
  addFlowVersion,
  createFlow,
  createRetrainRun,
  getFlowVersion,
  publishVersion,
  setRetrainProgram,
  StoreError,
  updateRetrainRun,
  type Database,
} from '../../src/store/index.ts';
import { sampleModelFile, storeSampleModel } from './models.ts';

/** A flow whose score node uses the stored sample model, and a retraining program for it (once per database). */
export async function sampleProgram(db: Database): Promise<void> {
  const v = await storeSampleModel(db);
  const model = parseModelFile(sampleModelFile());
  const fields = Object.fromEntries(model.features.map((f) => [f.name, { type: 'number', class: 'C1' }]));
  const def = {
    id: 'scored-sample',
    name: 'scored by the sample model',
    input: { fields },
    nodes: [
      { id: 'in', kind: 'input' },
      { id: 'score', kind: 'score', model: `sample@${v}`, output: 'pd' },
      { id: 'out', kind: 'output', outcome: 'approve' },
    ],
    edges: [
      { from: 'in', to: 'score' },
      { from: 'score', to: 'out' },
    ],
  };
  try {
    await getFlowVersion(db, 'scored-sample');
    return;
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
  }
  await createFlow(db, def.id, def.name, def, { actor: 'test' });
  await publishVersion(db, 'scored-sample', 1, { actor: 'test' }, () => {});
  await setRetrainProgram(
    db,
    {
      modelId: 'sample',
      flowId: 'scored-sample',
      scoreNode: 'score',
      sample: { flow: 'scored-sample', performanceMonths: 12, badDaysPastDue: 90, features: model.features.map((f) => f.name), rejectInference: 'none' },
      ootMonths: 3,
      policy: { approval: 'risk-manager' },
      decisionLogic: null,
      triggers: null,
    },
    { actor: 'test' },
  );
}

let n = 0;
/** A run of the sample program moved straight to a status, as if it had got there. */
export async function sampleRun(db: Database, status: 'awaiting_approval' | 'promoted' | 'failed'): Promise<string> {
  await sampleProgram(db);
  const id = `rt_test_${process.pid}_${++n}`;
  await createRetrainRun(db, { id, modelId: 'sample', asOf: new Date().toISOString() }, { actor: 'test' });
  await updateRetrainRun(db, id, ['queued'], 'awaiting_approval', { championVersion: 1, challengerVersion: 1, flowVersionBefore: 1 }, 'test');
  if (status === 'promoted') {
    const v = await addFlowVersion(db, 'scored-sample', (await getFlowVersion(db, 'scored-sample', 1)).definition, { actor: 'test' });
    await publishVersion(db, 'scored-sample', v.version, { actor: 'test' }, () => {});
    await updateRetrainRun(db, id, ['awaiting_approval'], 'promoted', { flowVersionAfter: v.version }, 'test');
  }
  if (status === 'failed') await updateRetrainRun(db, id, ['awaiting_approval'], 'failed', { error: 'test' }, 'test');
  return id;
}

/** The synthetic applicant's fields a PD model of the lifecycle tests uses. */
export const SYNTH_FEATURES = [
  'age',
  'income',
  'existingDebt',
  'bureauScore',
  'delinquencies12m',
  'inquiries6m',
  'utilization',
  'dti',
  'term',
  'product',
  'channel',
];
const NUMERIC = new Set(['age', 'income', 'existingDebt', 'bureauScore', 'delinquencies12m', 'inquiries6m', 'utilization', 'dti', 'term']);

const trained = new Map<string, ModelFile>();

/** A GBDT model file trained on `rows` synthetic applicants of the first `months` months (once per process: training is deterministic). */
export function synthChampion(rows: number, seed: number, months: number, rounds: number): ModelFile {
  const key = `${rows}/${seed}/${months}/${rounds}`;
  let file = trained.get(key);
  if (!file) trained.set(key, (file = trainSynthChampion(rows, seed, months, rounds)));
  return file;
}

function trainSynthChampion(rows: number, seed: number, months: number, rounds: number): ModelFile {
  const pop = generatePopulation({ rows, seed, months });
  const frame = populationFrame(pop);
  const y = Uint8Array.from(pop.columns.find((c) => c.name === 'defaulted')!.values as Float64Array);
  const model = trainBooster(
    frame,
    y,
    SYNTH_FEATURES,
    Int32Array.from({ length: rows }, (_, i) => i),
    null,
    { rounds, maxDepth: 3, learningRate: 0.1 },
  );
  return modelFile({
    kind: 'gbdt',
    model,
    target: { column: 'defaulted', bad: '1' },
    features: SYNTH_FEATURES.map((name) => ({ name, kind: NUMERIC.has(name) ? 'numeric' : 'categorical' })),
    training: null,
    imported: null,
  });
}

/**
 * A flow that scores synthetic applicants with a stored model and approves below a PD cut-off;
 * `priced` adds the amount asked for and an offer at one rate, so approved loans can be valued.
 */
export function scoredFlow(id: string, model: string, cutoff: number, priced?: { rate: number }): Record<string, unknown> {
  const amount = priced ? { requestedAmount: { type: 'number', class: 'C1', required: true } } : {};
  return {
    id,
    name: `scored ${id}`,
    input: {
      fields: {
        appliedAt: { type: 'string', class: 'C1', required: true },
        ...amount,
        ...Object.fromEntries(SYNTH_FEATURES.map((f) => [f, { type: NUMERIC.has(f) ? 'number' : 'string', class: 'C1', required: true }])),
      },
    },
    nodes: [
      { id: 'in', kind: 'input' },
      { id: 'score', kind: 'score', model, output: 'pd' },
      { id: 'cut', kind: 'switch' },
      { id: 'yes', kind: 'output', outcome: 'approve', ...(priced ? { offer: { amount: 'requestedAmount', rate: String(priced.rate), term: 'term' } } : {}) },
      { id: 'no', kind: 'output', outcome: 'decline', modelReasons: 'score', reasons: [{ code: 'HIGH_RISK', text: 'estimated risk too high' }] },
    ],
    edges: [
      { from: 'in', to: 'score' },
      { from: 'score', to: 'cut' },
      { from: 'cut', to: 'yes', when: `pd < ${cutoff}` },
      { from: 'cut', to: 'no', default: true },
    ],
  };
}

/**
 * The decision table a retraining program writes per product (decisionLogic.table), before it
 * has: one rule for every product with the given cutoff, rate and limit factor, read by the flow
 * as `policy.cutoff`, `policy.rate` and `policy.limitFactor`.
 */
export function policyTableNode(first: { cutoff: number; rate: number; limitFactor: number }): Record<string, unknown> {
  return {
    id: 'policy',
    kind: 'table',
    output: 'policy',
    table: {
      inputs: [{ expression: 'product' }],
      outputs: [{ name: 'cutoff' }, { name: 'rate' }, { name: 'limitFactor' }],
      rules: [{ inputEntries: ['-'], outputEntries: [String(first.cutoff), String(first.rate), String(first.limitFactor)] }],
    },
  };
}

/**
 * `scoredFlow` priced, reading its policy from the table `policyTableNode` makes (one rule for
 * everyone until a program writes one per product): approve when `pd < policy.cutoff`, offering
 * `policy.limitFactor` times the amount asked at `policy.rate`.
 */
export function tableScoredFlow(id: string, model: string, first: { cutoff: number; rate: number; limitFactor: number }): Record<string, unknown> {
  const definition = scoredFlow(id, model, first.cutoff, { rate: first.rate }) as { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] };
  definition.nodes.splice(2, 0, policyTableNode(first));
  definition.nodes[4] = {
    id: 'yes',
    kind: 'output',
    outcome: 'approve',
    offer: { amount: 'requestedAmount * policy.limitFactor', rate: 'policy.rate', term: 'term' },
  };
  definition.edges = [
    { from: 'in', to: 'score' },
    { from: 'score', to: 'policy' },
    { from: 'policy', to: 'cut' },
    { from: 'cut', to: 'yes', when: 'pd < policy.cutoff' },
    { from: 'cut', to: 'no', default: true },
  ];
  return definition;
}
