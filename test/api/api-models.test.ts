import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  featuresOf,
  modelFile,
  modelFileText,
  OnnxModel,
  readCsv,
  stratifiedSplit,
  trainBooster,
  trainScorecard,
  type ModelImpl,
} from '../../src/models/index.ts';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { uniqueKey } from '../support/flows.ts';
import { useApiFixture } from '../support/server.ts';

const DATA = join(import.meta.dirname, '..', 'fixtures', 'credit-data');
const ONNX = join(import.meta.dirname, '..', 'fixtures', 'onnx');

/** A model file as a client would upload it (parsed JSON of what arbiter train writes). */
function upload(impl: ModelImpl, target: { column: string; bad: string } | null = { column: 'Class', bad: 'Bad' }): Record<string, unknown> {
  return JSON.parse(modelFileText(modelFile({ ...impl, target, features: featuresOf(impl), training: null, imported: null })));
}

const german = readCsv(join(DATA, 'german_credit.csv'));
const y = german.target('Class', 'Bad');
const features = german.columns.map((c) => c.name).filter((n) => n !== 'Class');
const { train } = stratifiedSplit(y, 0.3, 42);
const trees = upload({ kind: 'gbdt', model: trainBooster(german, y, features, train, null, { rounds: 60 }) });
const card = upload({ kind: 'scorecard', model: trainScorecard(german, y, features, train) });

const fields = {
  Duration: 'number',
  Amount: 'number',
  Age: 'number',
  CheckingAccountStatus: 'string',
  CreditHistory: 'string',
  Purpose: 'string',
  SavingsAccountBonds: 'string',
};
function scoredFlow(id: string, model: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    name: 'Scored loan',
    input: { fields: Object.fromEntries(Object.entries(fields).map(([k, t]) => [k, { type: t, class: 'C1' }])) },
    nodes: [
      { id: 'in', kind: 'input' },
      { id: 'model', kind: 'score', model, output: 'pd', ...extra },
      { id: 'cut', kind: 'switch' },
      { id: 'yes', kind: 'output', outcome: 'approve', offer: { pd: 'decimal(pd, 4)' } },
      {
        id: 'no',
        kind: 'output',
        outcome: 'decline',
        reasons: [{ code: 'DC_PD', text: 'Estimated risk of default too high' }],
        offer: { pd: 'decimal(pd, 4)' },
      },
    ],
    edges: [
      { from: 'in', to: 'model' },
      { from: 'model', to: 'cut' },
      { from: 'cut', to: 'yes', when: 'pd < 0.3' },
      { from: 'cut', to: 'no', default: true },
    ],
  };
}
const riskyApplicant = {
  Duration: 48,
  Amount: 5951,
  Age: 22,
  CheckingAccountStatus: 'lt.0',
  CreditHistory: 'PaidDuly',
  Purpose: 'Radio.Television',
  SavingsAccountBonds: 'lt.100',
};

for (const backend of SERVER_BACKENDS) {
  describe(`stored models on ${backend.name}`, () => {
    const f = useApiFixture(backend);
    const call = f.call;

    test('models are uploaded as versions, listed with their metadata, and fetched back byte for byte', async () => {
      const first = await call('analyst', 'POST', '/v1/models/pd-german/versions', trees);
      assert.equal(first.statusCode, 201, first.body);
      assert.deepEqual([first.json().version, first.json().reference, first.json().kind, first.json().contentHash], [1, 'pd-german@1', 'gbdt', trees.version]);
      assert.equal(first.json().summary.features.length, features.length);
      const again = await call('analyst', 'POST', '/v1/models/pd-german/versions', trees);
      assert.deepEqual([again.statusCode, again.json().version], [200, 1], 'the same file is the version it already is');
      const second = await call('risk-manager', 'POST', '/v1/models/pd-german/versions', card);
      assert.deepEqual([second.statusCode, second.json().version, second.json().kind], [201, 2, 'scorecard']);
      const list = (await call('auditor', 'GET', '/v1/models')).json();
      assert.deepEqual(
        list.models.map((m: { id: string; latestVersion: number }) => [m.id, m.latestVersion]),
        [['pd-german', 2]],
      );
      const versions = (await call('auditor', 'GET', '/v1/models/pd-german/versions')).json().versions;
      assert.deepEqual(
        versions.map((v: { version: number }) => v.version),
        [1, 2],
      );
      const file = (await call('analyst', 'GET', '/v1/models/pd-german/versions/1/file')).json();
      assert.deepEqual(file, trees);
      // Each version's model card from what is stored; the scorecard's carries its bins.
      const treeCard = (await call('auditor', 'GET', '/v1/models/pd-german/versions/1/card')).json();
      assert.equal(treeCard.model.version, trees.version);
      assert.equal(treeCard.model.features.length, features.length);
      assert.ok(treeCard.limitations.some((l: string) => /performance is the holdout's at training|records no training/.test(l)));
      const scoreCard = (await call('auditor', 'GET', '/v1/models/pd-german/versions/2/card')).json();
      assert.ok(scoreCard.model.features.every((f: { bins: unknown[] | null }) => f.bins && f.bins.length > 0));
      const page = await call('analyst', 'GET', '/v1/models/pd-german/versions/2/card?format=html');
      assert.match(String(page.headers['content-type']), /text\/html/);
      assert.match(page.body, /<h1>Model card: pd-german version 2<\/h1>/);
      assert.equal((await call('analyst', 'GET', '/v1/models/pd-german/versions/9/card')).statusCode, 404);
      assert.equal((await call('reviewer', 'GET', '/v1/models')).statusCode, 403);
      assert.equal((await call('service', 'POST', '/v1/models/x/versions', trees)).statusCode, 403);
      const audit = (await call('auditor', 'GET', '/v1/audit?limit=50')).json().events.filter((e: { action: string }) => e.action === 'model.version_created');
      assert.equal(audit.length, 2);
    });

    test('files that are not models, edited files and bad ids are refused with a 400 that says why', async () => {
      const edited = structuredClone(trees) as { model: { baseMargin: number } };
      edited.model.baseMargin += 1;
      const cases: [string, object, RegExp][] = [
        ['/v1/models/pd-german/versions', edited, /changed after it was written/],
        ['/v1/models/pd-german/versions', { hello: 'world' }, /not an Arbiter model file/],
        ['/v1/models/bad@id/versions', trees, /params.id/],
      ];
      for (const [url, body, message] of cases) {
        const res = await call('analyst', 'POST', url, body);
        assert.equal(res.statusCode, 400, res.body);
        assert.match(res.json().error.message, message);
      }
      const onnx = await OnnxModel.fromBytes(readFileSync(join(ONNX, 'linear.onnx')));
      const broken = upload({ kind: 'onnx', model: new OnnxModel(new Uint8Array([1, 2, 3]), onnx.binding) }, null);
      const res = await call('analyst', 'POST', '/v1/models/broken/versions', broken);
      assert.equal(res.statusCode, 400);
      assert.match(res.json().error.message, /onnxruntime cannot load/);
      assert.equal((await call('analyst', 'GET', '/v1/models/pd-german/versions/9')).statusCode, 404);
    });

    test('a published flow scores with a stored model pinned by version, trained or imported', async () => {
      for (const [i, ref] of ['pd-german@1', 'pd-german@2'].entries()) {
        const id = `scored-${i}`;
        assert.equal((await call('analyst', 'POST', '/v1/flows', { definition: scoredFlow(id, ref, { points: 'points', reasons: 'why' }) })).statusCode, 201);
        const published = await call('risk-manager', 'POST', `/v1/flows/${id}/versions/1/publish`);
        assert.equal(published.statusCode, 200, published.body);
        const decided = await call('service', 'POST', '/v1/decisions', { flow: id, application: riskyApplicant, idempotencyKey: uniqueKey() });
        assert.equal(decided.statusCode, 201, decided.body);
        const d = decided.json();
        console.log(`${ref}: ${d.outcome}, PD ${d.offer.pd}`);
        assert.equal(d.outcome, 'decline');
        assert.ok(d.offer.pd > 0.3);
      }
      // Validation names what is wrong with a reference before anything is published.
      for (const [ref, code] of [
        ['pd-german', 'model_reference'],
        ['pd-nowhere@1', 'unknown_model'],
      ] as const) {
        const id = `ref-${code}`;
        await call('analyst', 'POST', '/v1/flows', { definition: scoredFlow(id, ref) });
        const check = (await call('analyst', 'POST', `/v1/flows/${id}/versions/1/validate`)).json();
        assert.equal(check.ok, false);
        assert.equal(check.issues[0].code, code, JSON.stringify(check.issues));
      }
      // ONNX models run asynchronously inside the flow; the decision is the same shape.
      const linear = await OnnxModel.fromBytes(readFileSync(join(ONNX, 'linear.onnx')));
      assert.equal((await call('analyst', 'POST', '/v1/models/pd-onnx/versions', upload({ kind: 'onnx', model: linear }, null))).statusCode, 201);
      const onnxFlow = {
        id: 'scored-onnx',
        name: 'Scored by ONNX',
        input: { fields: Object.fromEntries(linear.featureNames.map((n) => [n, { type: 'number', class: 'C1' }])) },
        nodes: [
          { id: 'in', kind: 'input' },
          { id: 'model', kind: 'score', model: 'pd-onnx@1', output: 'pd', points: 'points' },
          { id: 'cut', kind: 'switch' },
          { id: 'yes', kind: 'output', outcome: 'approve', offer: { pd: 'decimal(pd, 6)', points: 'points' } },
          {
            id: 'no',
            kind: 'output',
            outcome: 'decline',
            reasons: [{ code: 'DC_PD', text: 'Estimated risk of default too high' }],
            offer: { pd: 'decimal(pd, 6)' },
          },
        ],
        edges: [
          { from: 'in', to: 'model' },
          { from: 'model', to: 'cut' },
          { from: 'cut', to: 'yes', when: 'pd < 0.5' },
          { from: 'cut', to: 'no', default: true },
        ],
      };
      assert.equal((await call('analyst', 'POST', '/v1/flows', { definition: onnxFlow })).statusCode, 201);
      assert.equal((await call('risk-manager', 'POST', '/v1/flows/scored-onnx/versions/1/publish')).statusCode, 200);
      const data = readCsv(join(ONNX, 'linear-data.csv'));
      const expected = Number(readFileSync(join(ONNX, 'linear-predictions.csv'), 'utf8').split('\n')[1]);
      const application = Object.fromEntries(
        linear.featureNames.map((n) => {
          const c = data.column(n);
          return [n, c.kind === 'numeric' ? c.values[0]! : null];
        }),
      );
      const d = (await call('service', 'POST', '/v1/decisions', { flow: 'scored-onnx', application, idempotencyKey: uniqueKey() })).json();
      assert.ok(Math.abs(d.offer.pd - expected) < 1e-6, `${d.offer.pd} vs ${expected}`);
    });
  });
}
