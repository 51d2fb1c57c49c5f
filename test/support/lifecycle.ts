import { modelFile, parseModelFile, trainBooster, type ModelFile } from '../../src/models/index.ts';
import { generatePopulation, populationFrame } from '../../src/tools/synth/index.ts';
import { decideMany } from './flows.ts';
import type { ApiFixture } from './server.ts';
import {
  addFlowVersion,
  createFlow,
  createRetrainRun,
  getFlowVersion,
  publishVersion,
  setRetrainProgram,
  getRetrainProgram,
  recordOutcomes,
  type OutcomeEvent,
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

/** The sample program set again (so nobody has confirmed it yet); its `updatedAt`, as a confirmation gives it. */
export async function unconfirmedSampleProgram(db: Database): Promise<string> {
  await sampleProgram(db);
  const p = await getRetrainProgram(db, 'sample');
  const { updatedBy: _u, updatedAt: _a, confirmedBy: _c, confirmedAt: _t, ...same } = p;
  return (await setRetrainProgram(db, same, { actor: 'test' })).updatedAt;
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

const monthStart = (m: number) => new Date(Date.UTC(2024, m, 1)).toISOString();

/**
 * Two years of applications (drift from month 12 unless told otherwise) decided by the flow, and
 * their outcomes: every approval is booked; defaults (drawn from the true PD) go 95 days past due
 * 5 months in.
 */
export async function history(f: ApiFixture, flow: string, rows: number, extra: readonly string[] = [], driftAt: number | null = 12): Promise<void> {
  const pop = generatePopulation({ rows, seed: 202, months: 24, driftAt });
  const col = (n: string) => pop.columns.find((c) => c.name === n)!.values;
  const events: OutcomeEvent[] = [];
  const applications = Array.from({ length: rows }, (_, i) => {
    const application: Record<string, unknown> = { appliedAt: monthStart((col('month') as Float64Array)[i]!) };
    for (const name of [...SYNTH_FEATURES, ...extra]) application[name] = col(name)[i];
    return application;
  });
  const decisions = await decideMany(f.server, flow, applications);
  for (let i = 0; i < rows; i++) {
    const m = (col('month') as Float64Array)[i]!;
    const decision = decisions[i]!;
    if (decision.outcome !== 'approve') continue;
    const at = Date.UTC(2024, m, 2);
    events.push({ eventId: `${decision.id}-d`, decisionId: decision.id, type: 'disbursement', occurredAt: new Date(at).toISOString(), amount: 1000 });
    if ((col('defaulted') as Float64Array)[i] === 1)
      events.push({
        eventId: `${decision.id}-90`,
        decisionId: decision.id,
        type: 'delinquency',
        occurredAt: new Date(Date.UTC(2024, m + 5, 2)).toISOString(),
        daysPastDue: 95,
      });
  }
  await recordOutcomes(f.ctx.db, events, { actor: 'test' });
}

export async function waitRun(f: ApiFixture, id: string) {
  for (let i = 0; i < 600; i++) {
    const r = (await f.call('analyst', 'GET', `/v1/lifecycle/runs/${id}`)).json();
    if (!['queued', 'running'].includes(r.status)) return r;
    await new Promise((x) => setTimeout(x, 50));
  }
  throw new Error('retraining run did not finish');
}
