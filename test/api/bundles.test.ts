import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import type { Server } from '../../src/api/index.ts';
import { featuresOf, modelFile, modelFileText, readCsv, stratifiedSplit, trainBooster } from '../../src/models/index.ts';
import { listAudit, openDatabase, type Database } from '../../src/store/index.ts';
import { createScratchDatabase } from '../support/backends.ts';
import { demoApplication, demoFlow, uniqueKey } from '../support/flows.ts';
import { arbiter } from '../support/process.ts';
import { FOUR_EYES, testServer } from '../support/server.ts';

const DATA = join(import.meta.dirname, '..', 'fixtures', 'credit-data');
const german = readCsv(join(DATA, 'german_credit.csv'));
const y = german.target('Class', 'Bad');
const features = german.columns.map((c) => c.name).filter((n) => n !== 'Class');
const { train } = stratifiedSplit(y, 0.3, 42);
const upload = (rounds: number) => {
  const impl = { kind: 'gbdt' as const, model: trainBooster(german, y, features, train, null, { rounds }) };
  return JSON.parse(modelFileText(modelFile({ ...impl, target: { column: 'Class', bad: 'Bad' }, features: featuresOf(impl), training: null, imported: null })));
};

/** The demo flow with a score node on a stored model beside its tier table, which names a stored DMN decision. */
function promotedFlow(model: string, dmnModel: string): Record<string, unknown> {
  const def = demoFlow();
  delete def.$schema;
  const nodes = def.nodes as Record<string, unknown>[];
  const tier = nodes.find((n) => n.id === 'personalTier')!;
  delete tier.table;
  tier.dmn = { model: dmnModel, decision: 'risk' };
  const fields = (def.input as { fields: Record<string, unknown> }).fields;
  for (const f of ['Duration', 'Amount', 'Age']) fields[f] = { type: 'number', class: 'C1' };
  // The score runs first and its PD is offered, so a wrong model version shows in every decision.
  const edges = def.edges as { from: string; to: string }[];
  const first = edges.find((e) => e.from === 'start')!;
  nodes.push({ id: 'pdScore', kind: 'score', model, output: 'pd' });
  edges.push({ from: 'pdScore', to: first.to });
  first.to = 'pdScore';
  for (const n of nodes) if (n.kind === 'output' && n.outcome === 'approve') n.offer = { ...(n.offer as object), pd: 'decimal(pd, 6)' };
  return def;
}

const applications = () =>
  [540, 600, 660, 700, 760].flatMap((bureauScore) =>
    [300, 2900].map((monthlyDebt) => ({ ...demoApplication(), bureauScore, monthlyDebt, Duration: 24, Amount: 3000 + monthlyDebt, Age: 35 })),
  );

async function decideAll(server: Server): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const application of applications()) {
    const { decision } = await server.services.decisions.decide({ flow: 'consumer-lending', application, idempotencyKey: uniqueKey() }, { actor: 'test' });
    const r = decision.result as { outcome?: string; reasons?: { code: string }[]; offer?: unknown } | null;
    out.push([decision.status, decision.outcome, r?.reasons?.map((x) => x.code), r?.offer]);
  }
  return out;
}

describe('promotion between installations: a signed bundle exported from one, imported into another', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-bundle-'));
  const signingKey = join(dir, 'signing.pem');
  const dbs: { url: string; drop(): Promise<void>; db: Database; server: Server }[] = [];
  let source: (typeof dbs)[number];
  let target: (typeof dbs)[number];

  before(async () => {
    for (const governance of [undefined, FOUR_EYES]) {
      const scratch = await createScratchDatabase(undefined, { migrated: true });
      const db = await openDatabase({ databaseUrl: scratch.url });
      dbs.push({ ...scratch, db, server: await testServer(db, governance ? { governance } : {}) });
    }
    [source, target] = dbs as [typeof source, typeof target];
    // At the source, the versions in use are the second of each: the target will number them 1.
    const s = source.server.services;
    await s.models.add('pd-trees', upload(10), { actor: 'test' });
    await s.models.add('pd-trees', upload(30), { actor: 'test' });
    const inline = demoFlow();
    inline.id = 'inline';
    await s.flows.create(inline, { actor: 'test' });
    const xml = await s.flows.tableAsDmn('inline', 1, 'personalTier');
    await s.dmn.upload('personal-tier', xml.replace('</definitions>', '<!-- first --></definitions>'), { actor: 'test' });
    await s.dmn.upload('personal-tier', xml, { actor: 'test' });
    await s.flows.create(promotedFlow('pd-trees@2', 'personal-tier@2'), { actor: 'test' });
    await s.flows.publish('consumer-lending', 1, { actor: 'test' });
    assert.equal(arbiter(['bundle', 'keygen', '--out', signingKey]).code, 0);
  });
  after(async () => {
    for (const d of dbs) {
      await d.server.app.close();
      await d.db.close();
      await d.drop();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('arbiter bundle export, then import elsewhere: drafts pointed at the artefacts as numbered there, released with four eyes, the same decisions', async () => {
    const file = join(dir, 'consumer-lending.bundle.json');
    const exported = arbiter(['bundle', 'export', '--flow', 'consumer-lending@1', '--out', file, '--signing-key', signingKey, '--database', source.url]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /consumer-lending v1 with 0 subflows, 1 models, 0 connectors, 1 DMN models; signed by key [0-9a-f]{16}/);
    const bundle = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(
      bundle.models.map((m: { id: string; version: number }) => `${m.id}@${m.version}`),
      ['pd-trees@2'],
    );
    assert.match(bundle.flows[0].sha256, /^[0-9a-f]{64}$/);

    const imported = arbiter([
      'bundle',
      'import',
      '--file',
      file,
      '--trust',
      signingKey.replace(/\.pem$/, '.pub.pem'),
      '--as',
      'ops-import',
      '--database',
      target.url,
    ]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /consumer-lending v1 \(was consumer-lending@1\)/);
    assert.match(imported.stdout, /models: pd-trees@2 -> pd-trees@1/);
    assert.match(imported.stdout, /DMN models: personal-tier@2 -> personal-tier@1/);

    const t = target.server.services;
    const draft = await t.flows.version('consumer-lending', 1);
    assert.equal(draft.status, 'draft', 'an import makes drafts; nothing goes live without approval');
    const nodes = (draft.definition as { nodes: Record<string, unknown>[] }).nodes;
    assert.equal(nodes.find((n) => n.id === 'pdScore')!.model, 'pd-trees@1');
    assert.deepEqual(nodes.find((n) => n.id === 'personalTier')!.dmn, { model: 'personal-tier@1', decision: 'risk' });
    // What the flow names must be approved for use here before the flow can be released.
    await assert.rejects(
      t.releases.submit('consumer-lending', 1, { note: 'Promoted from test' }, { actor: 'ops-import' }),
      /pd-trees@1 is not approved for use/,
    );
    for (const [kind, id] of [
      ['model', 'pd-trees'],
      ['dmn_model', 'personal-tier'],
    ] as const) {
      const asked = await t.releases.submitArtefact({ kind, id, version: 1, note: 'Promoted from test' }, { actor: 'ops-import' });
      assert.equal((await t.releases.approve(asked.id, {}, { actor: 'risk-approver' })).status, 'published');
    }
    const release = await t.releases.submit('consumer-lending', 1, { note: 'Promoted from test' }, { actor: 'ops-import' });
    const live = await t.releases.approve(release.id, { comment: 'Matches the test sign-off' }, { actor: 'risk-approver' });
    assert.equal(live.status, 'published');

    assert.deepEqual(await decideAll(target.server), await decideAll(source.server));
    const audit = await listAudit(target.db, { action: 'bundle.imported', limit: 5 });
    assert.equal(audit.length, 1);
    assert.equal((audit[0]!.data as { signedBy: string }).signedBy, bundle.signature.keyId);
  });

  test('a bundle changed after signing, signed by a key not trusted, or whose content does not match its hash is refused', async () => {
    const bundle = await source.server.services.bundles.export('consumer-lending', 1, createPrivateKey(readFileSync(signingKey, 'utf8')));
    const trusted = [createPrivateKey(readFileSync(signingKey, 'utf8'))];
    const refuse = async (b: unknown, code: string) => {
      await assert.rejects(
        target.server.services.bundles.import(JSON.parse(JSON.stringify(b)), trusted, { actor: 'test' }),
        (err: { code?: string; message?: string }) => err.code === code || assert.fail(`${err.code}: ${err.message}`),
      );
    };
    const changed = structuredClone(bundle);
    (changed.flows[0]!.definition as { nodes: { id: string; label?: string }[] }).nodes[1]!.label = 'changed in transit';
    await refuse(changed, 'untrusted_bundle');

    const other = generateKeyPairSync('ed25519').privateKey;
    await refuse(await source.server.services.bundles.export('consumer-lending', 1, other), 'untrusted_bundle');

    // Re-signed by the trusted key, but the content no longer matches the hash it carries.
    const { signBundle } = await import('../../src/privacy/index.ts');
    const { signature: _old, ...content } = structuredClone(bundle);
    (content.dmnModels[0] as { xml: string }).xml += '<!-- changed -->';
    await refuse({ ...content, signature: signBundle(trusted[0]!, content) }, 'bundle_hash_mismatch');
    await refuse({ ...content, format: 'something-else' }, 'invalid_bundle');
  });
});
