import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, test } from 'node:test';
import { newSigningKeyPair } from '../../src/privacy/index.ts';
import { exportEvidence, verifyEvidence, type EvidencePack } from '../../src/services/index.ts';
import { appendAudit, createFlow, publishVersion } from '../../src/store/index.ts';
import { BACKENDS, type TestDatabase } from '../support/backends.ts';
import { approvingFlow } from '../support/flows.ts';

const flow = approvingFlow('evidence-check', 'Evidence check', { score: { type: 'number', class: 'C1', required: true } });

const pglite = BACKENDS.find((b) => b.name === 'pglite')!;
let ctx: TestDatabase;
const signer = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
let pack: EvidencePack;

before(async () => {
  ctx = await pglite.create();
  await createFlow(ctx.db, flow.id, flow.name, flow, { actor: 'analyst-1' });
  await publishVersion(ctx.db, flow.id, 1, { actor: 'risk-manager-1' }, () => {});
  await ctx.db.transaction((tx) =>
    appendAudit(tx, { actor: 'auditor-1', action: 'test.marker', subjectType: 'test', subjectId: 'x', data: { note: 'in the period' } }),
  );
  const now = Date.now();
  pack = await exportEvidence(ctx.db, { from: new Date(now - 3_600_000), to: new Date(now + 60_000) }, signer.privateKey, {
    'checkpoint-000001.json': '{"seq":1}\n',
  });
});
after(async () => {
  await ctx.cleanup();
});

const copy = (p: EvidencePack): EvidencePack => JSON.parse(JSON.stringify(p));

test('an evidence pack holds the published flow versions, the audit events of the period and its checkpoints, and verifies with the public key', () => {
  const names = pack.manifest.files.map((f) => f.name);
  assert.ok(names.includes('flows/evidence-check@1.json'));
  assert.ok(names.includes('checkpoints/checkpoint-000001.json'));
  const events = JSON.parse(pack.files['audit-events.json']!);
  assert.ok(events.some((e: { action: string }) => e.action === 'test.marker'));
  assert.equal(JSON.parse(pack.files['audit-verification.json']!).ok, true);
  const flowFile = JSON.parse(pack.files['flows/evidence-check@1.json']!);
  assert.equal(flowFile.published_by, 'risk-manager-1');
  const result = verifyEvidence(copy(pack), [signer.publicKey]);
  assert.deepEqual(result.problems, []);
  assert.equal(result.signedBy, pack.signature.keyId);
});

test('one byte changed in one file, a file added or removed, or the manifest changed: verification fails naming it', () => {
  const altered = copy(pack);
  const text = altered.files['audit-events.json']!;
  altered.files['audit-events.json'] = text.replace('in the period', 'in the perioD');
  assert.deepEqual(verifyEvidence(altered, [signer.publicKey]).problems, [
    "audit-events.json: changed since it was signed (its SHA-256 differs from the manifest's)",
  ]);

  const added = copy(pack);
  added.files['extra.json'] = '{}';
  assert.deepEqual(verifyEvidence(added, [signer.publicKey]).problems, ['extra.json: not in the signed manifest (added after signing)']);

  const removed = copy(pack);
  delete removed.files['releases.json'];
  assert.deepEqual(verifyEvidence(removed, [signer.publicKey]).problems, ['releases.json: listed in the manifest but missing']);

  const relisted = copy(pack);
  relisted.manifest.files = relisted.manifest.files.filter((f) => f.name !== 'audit-events.json');
  delete relisted.files['audit-events.json'];
  assert.match(verifyEvidence(relisted, [signer.publicKey]).problems[0]!, /^manifest: the signature does not match/);

  assert.match(verifyEvidence(copy(pack), [stranger.publicKey]).problems[0]!, /not trusted here/);
  assert.match(verifyEvidence({ hello: 1 }, [signer.publicKey]).problems[0]!, /not an Arbiter evidence pack/);
});

test('a pack signed with SM2 (the national algorithms) verifies with the SM2 public key alone, and a changed byte is found as with Ed25519', async () => {
  const sm2 = newSigningKeyPair('sm2-sm3');
  const now = Date.now();
  const national = await exportEvidence(ctx.db, { from: new Date(now - 3_600_000), to: new Date(now + 60_000) }, sm2.privateKey, {});
  assert.equal(national.signature.algorithm, 'sm2-sm3');
  const result = verifyEvidence(copy(national), [sm2.publicKey, signer.publicKey]);
  assert.deepEqual(result.problems, []);
  assert.equal(result.signedBy, national.signature.keyId);
  const altered = copy(national);
  altered.files['audit-events.json'] = altered.files['audit-events.json']!.replace('in the period', 'in the perioD');
  assert.deepEqual(verifyEvidence(altered, [sm2.publicKey]).problems, [
    "audit-events.json: changed since it was signed (its SHA-256 differs from the manifest's)",
  ]);
  const relabelled = { ...copy(national), signature: { ...national.signature, algorithm: 'ed25519' as const } };
  assert.match(verifyEvidence(relabelled, [sm2.publicKey]).problems[0]!, /signature does not match/, "the algorithm is the key's, not what the pack claims");
});
