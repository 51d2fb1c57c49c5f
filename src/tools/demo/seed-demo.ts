import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelFileText, predictPd, storedModel, type LoadedModel } from '../../models/index.ts';
import type { Services } from '../../services/index.ts';
import { generatePopulation, populationFrame, writePopulationCsv } from '../synth/index.ts';
import type { Actor, OutcomeEvent } from '../../store/index.ts';
import { DEMO_FEATURES, DEMO_NUMERIC, trainDemoModel } from './demo-models.ts';

const EXAMPLES = join(import.meta.dirname, '..', '..', '..', 'examples');
const SEEDER = { actor: 'system:demo' };
const readJson = (path: string) => JSON.parse(readFileSync(join(EXAMPLES, path), 'utf8')) as Record<string, unknown>;
const day = (month: number, d: number) => new Date(Date.UTC(2025, month, d)).toISOString();

export interface DemoFiles {
  dir: string;
  history: string;
  portfolio: string;
}

/** A flow that scores synthetic applicants with a stored model: approve low PDs, refer a grey band to a person, decline the rest. */
function scoredFlow(model: string): Record<string, unknown> {
  return {
    id: 'scored-lending',
    name: 'Scored lending (PD model with a review band)',
    description: 'The demo trees model estimates PD; below 8% approves, 8-14% goes to an underwriter, above declines.',
    input: {
      fields: {
        appliedAt: { type: 'string', class: 'C1', required: true },
        requestedAmount: { type: 'number', class: 'C1', required: true },
        ...Object.fromEntries(DEMO_FEATURES.map((f) => [f, { type: DEMO_NUMERIC.has(f) ? 'number' : 'string', class: 'C1', required: true }])),
      },
    },
    nodes: [
      { id: 'in', kind: 'input' },
      { id: 'score', kind: 'score', model, output: 'pd' },
      { id: 'band', kind: 'switch', label: 'PD band' },
      { id: 'underwriter', kind: 'review', queue: 'underwriting', reason: 'PD in the grey band: an underwriter decides' },
      { id: 'approve', kind: 'output', outcome: 'approve', offer: { amount: 'requestedAmount', pd: 'pd' } },
      {
        id: 'decline',
        kind: 'output',
        outcome: 'decline',
        modelReasons: 'score',
        reasons: [{ code: 'HIGH_RISK', text: 'The estimated risk of default is too high', texts: { 'zh-CN': '预计违约风险过高' } }],
      },
      {
        id: 'declineReview',
        kind: 'output',
        outcome: 'decline',
        reasons: [{ code: 'UNDERWRITER_DECLINE', text: 'Declined by an underwriter', texts: { 'zh-CN': '审批人员拒绝' } }],
      },
    ],
    edges: [
      { from: 'in', to: 'score' },
      { from: 'score', to: 'band' },
      { from: 'band', to: 'approve', when: 'pd < 0.08' },
      { from: 'band', to: 'underwriter', when: 'pd < 0.14' },
      { from: 'band', to: 'decline', default: true },
      { from: 'underwriter', to: 'approve', on: 'approve' },
      { from: 'underwriter', to: 'declineReview', on: 'decline' },
    ],
  };
}

/** The demo's people: an analyst writes the flows, a risk manager approves their release. */
interface DemoPeople {
  analyst: Actor;
  riskManager: Actor;
}

/** A stored artefact submitted by the analyst and approved for use by the risk manager, as flows naming it need. */
async function approvedForUse(services: Services, kind: 'model' | 'connector', id: string, version: number, people: DemoPeople): Promise<void> {
  const asked = await services.releases.submitArtefact({ kind, id, version, note: `${id} v${version} for the demo flows` }, people.analyst);
  await services.releases.approve(asked.id, { comment: 'Validated (demo)' }, people.riskManager);
}

async function flowFrom(services: Services, definition: Record<string, unknown>, publish: boolean, people: DemoPeople): Promise<void> {
  delete definition.$schema;
  await services.flows.create(definition, people.analyst);
  if (!publish) return;
  const submitted = await services.releases.submit(
    String(definition.id),
    1,
    { note: `First release of ${String(definition.name ?? definition.id)} (demo)` },
    people.analyst,
  );
  const released = await services.releases.approve(submitted.id, { comment: 'Reviewed with the paths and test cases (demo)' }, people.riskManager);
  if (released.status !== 'published') throw new Error(`the demo flow ${String(definition.id)} was not released: ${released.error ?? released.status}`);
}

/** Runs `n` decisions at a time, so seeding takes seconds rather than minutes. */
async function inBatches<T>(items: T[], n: number, run: (item: T, i: number) => Promise<void>): Promise<void> {
  for (let b = 0; b < items.length; b += n) await Promise.all(items.slice(b, b + n).map((item, k) => run(item, b + k)));
}

/**
 * Seeds an empty database with a demo a risk team can click through: keys for every role, the
 * bureau simulator's connector, a trees model and a scorecard trained on synthetic history,
 * the consumer-lending flow with its hundreds of paths, a scored flow with a review band, the
 * back-test pair, eighteen months of decisions with matured outcomes, monitoring snapshots, a
 * few decisions through the bureau, and cases waiting in the review queue.
 */
export async function seedDemo(
  services: Services,
  options: { dataDir: string; bureauUrl: string; log: (line: string) => void },
): Promise<{ keys: Record<string, string>; files: DemoFiles } | null> {
  if ((await services.flows.list()).length > 0) return null;
  const { log } = options;
  const keys: Record<string, string> = {};
  const keyIds: Record<string, string> = {};
  for (const role of ['admin', 'risk-manager', 'analyst', 'reviewer', 'auditor', 'service'] as const) {
    const created = await services.keys.create({ name: `demo ${role}`, role }, SEEDER);
    keys[role] = created.secret;
    keyIds[role] = created.key.id;
  }
  const people: DemoPeople = { analyst: { actor: keyIds.analyst! }, riskManager: { actor: keyIds['risk-manager']! } };

  const dir = join(options.dataDir, 'demo');
  mkdirSync(dir, { recursive: true });
  const files: DemoFiles = { dir, history: join(dir, 'history.csv'), portfolio: join(dir, 'portfolio.csv') };

  log('training the demo models on 20,000 synthetic applicants…');
  const training = generatePopulation({ rows: 20_000, seed: 7, months: 12 });
  const trainingFile = join(dir, 'training.csv');
  writePopulationCsv(training, trainingFile);
  const sha256 = createHash('sha256').update(readFileSync(trainingFile)).digest('hex');
  const frame = populationFrame(training);
  const y = Uint8Array.from(training.columns.find((c) => c.name === 'defaulted')!.values as Float64Array);
  let champion: LoadedModel | null = null;
  for (const [id, algorithm, params] of [
    ['demo-trees', 'gbdt', {}],
    ['demo-scorecard', 'scorecard', {}],
    ['demo-trees', 'gbdt', { rounds: 200, maxDepth: 4, learningRate: 0.05 }],
  ] as const) {
    // The second trees version is a challenger nobody has promoted: the console compares it with the champion.
    const file = trainDemoModel(algorithm, frame, y, { file: 'training.csv', sha256 }, params);
    // Stored as an upload of the file would be: its text, infinite bin edges written as strings.
    const { version } = await services.models.add(id, JSON.parse(modelFileText(file)), people.analyst);
    // The models in use are approved for use by the risk manager; the challenger waits.
    if (version.version === 1) await approvedForUse(services, 'model', id, 1, people);
    champion ??= storedModel(file).model;
  }

  const connector = readJson('connectors/sim-json-bureau.json') as Record<string, unknown> & { request: Record<string, unknown>; reconcile: { url: string } };
  delete connector.$schema;
  const swap = (u: string) => u.replace('http://127.0.0.1:4010', options.bureauUrl);
  const demoConnector = {
    ...connector,
    id: 'demo-bureau',
    request: { ...connector.request, url: swap(String(connector.request.url)) },
    reconcile: { url: swap(connector.reconcile.url) },
  };
  await services.connectors.add(demoConnector, people.analyst);
  await approvedForUse(services, 'connector', 'demo-bureau', 1, people);

  await flowFrom(services, readJson('flows/consumer-lending.json'), true, people);
  await flowFrom(services, scoredFlow('demo-trees@1'), true, people);
  await flowFrom(services, readJson('flows/synth-baseline.json'), true, people);
  await flowFrom(services, readJson('flows/synth-candidate.json'), false, people);
  const bureau = readJson('flows/bureau-check.json') as { nodes: Record<string, unknown>[] } & Record<string, unknown>;
  bureau.nodes = bureau.nodes.map((n) => (n.kind === 'bureau' ? { ...n, connector: 'demo-bureau@1' } : n));
  await flowFrom(services, bureau, true, people);

  log('deciding eighteen months of synthetic applications…');
  const history = generatePopulation({ rows: 1800, seed: 11, months: 18 });
  const col = (n: string) => history.columns.find((c) => c.name === n)!.values;
  const month = col('month') as Float64Array;
  const defaulted = col('defaulted') as Float64Array;
  const outcomes: OutcomeEvent[] = [];
  await inBatches(
    Array.from({ length: history.rows }, (_, i) => i),
    20,
    async (i) => {
      const m = month[i]!;
      const application: Record<string, unknown> = { appliedAt: day(m, 1 + (i % 27)) };
      for (const f of [...DEMO_FEATURES, 'requestedAmount']) application[f] = col(f)[i];
      const { decision } = await services.decisions.decide({ flow: 'scored-lending', application, idempotencyKey: `demo-scored-${i}` }, SEEDER);
      // Older reviews were worked; the last month's wait in the queue.
      if (decision.status === 'pending_review' && m < 17)
        await services.decisions.review(decision.pendingReviewId!, i % 3 ? 'approve' : 'decline', 'payslips and bank statements checked', {
          actor: 'demo underwriter',
        });
      else if (decision.outcome !== 'approve') return;
      if (m >= 14) return; // not matured yet
      outcomes.push({ eventId: `demo-${i}-disbursed`, decisionId: decision.id, type: 'disbursement', occurredAt: day(m, 28) });
      if (defaulted[i] === 1)
        outcomes.push({ eventId: `demo-${i}-dpd90`, decisionId: decision.id, type: 'delinquency', occurredAt: day(m + 3, 10), daysPastDue: 95 });
      else outcomes.push({ eventId: `demo-${i}-paid`, decisionId: decision.id, type: 'payment', occurredAt: day(m + 1, 28), amount: 500 });
    },
  );
  for (let b = 0; b < outcomes.length; b += 500) await services.outcomes.record(outcomes.slice(b, b + 500), { actor: 'demo servicing' });

  await services.monitoring.configure(
    'scored-lending',
    { dateField: 'appliedAt', baseline: { from: '2025-01', to: '2025-06' }, features: ['utilization', 'income', 'dti'] },
    SEEDER,
  );
  for (let m = 7; m <= 18; m++) await services.monitoring.run('scored-lending', new Date(Date.UTC(2025, m, 1)));

  log('deciding consumer-lending applications and bureau checks…');
  const consumer = readJson('flows/consumer-lending.json') as { input: { fields: Record<string, { type: string }> } };
  const lines = readFileSync(join(EXAMPLES, 'flows', 'applications.csv'), 'utf8')
    .trim()
    .split('\n');
  const header = lines[0]!.split(',');
  let refused = 0;
  await inBatches(lines.slice(1, 201), 10, async (line, i) => {
    const cells = line.split(',');
    const application: Record<string, unknown> = {};
    header.forEach((h, j) => {
      const v = cells[j] ?? '';
      const type = consumer.input.fields[h]?.type;
      if (v !== '') application[h] = type === 'number' ? Number(v) : type === 'boolean' ? v === 'true' : v;
    });
    await services.decisions.decide({ flow: 'consumer-lending', application, idempotencyKey: `demo-consumer-${i}` }, SEEDER).catch(() => refused++);
  });
  await inBatches(
    Array.from({ length: 40 }, (_, i) => i),
    8,
    async (i) => {
      const consents = i % 10 === 9 ? [] : [{ scope: 'credit-bureau', grantedAt: '2026-01-01T00:00:00Z', channel: 'web' }];
      await services.decisions
        .decide(
          {
            flow: 'bureau-check',
            application: { nationalId: String(110101198001010000 + i * 7919), amount: 5000 + i * 250 },
            idempotencyKey: `demo-bureau-${i}`,
            consents,
          },
          SEEDER,
        )
        .catch(() => refused++);
    },
  );
  if (refused) log(`${refused} demo applications were refused (see the server log)`);

  // Files for the sandbox: a history with outcomes for back-tests, scored applications for optimisation.
  writePopulationCsv(generatePopulation({ rows: 5000, seed: 21, months: 12 }), files.history);
  // Applications scored by the champion (column "pd"), as the optimiser takes them.
  const portfolio = generatePopulation({ rows: 3000, seed: 23, months: 12 });
  portfolio.columns.push({ name: 'pd', kind: 'number', values: Float64Array.from(predictPd(champion!, populationFrame(portfolio))) });
  writePopulationCsv(portfolio, files.portfolio);
  writeFileSync(
    join(dir, 'README.txt'),
    'Files for the console sandbox: history.csv (synthetic applications with outcomes; column "defaulted", bad = 1) for back-tests of synth-candidate against synth-baseline, and portfolio.csv for optimisations (applications scored by demo-trees v1 in the column "pd", which the example strategy reads).\n',
  );
  writeFileSync(join(dir, 'keys.json'), `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  return { keys, files };
}
