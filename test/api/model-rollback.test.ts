import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createApiKey, listAudit, verifyAudit } from '../../src/store/index.ts';
import { generatePopulation } from '../../src/tools/synth/index.ts';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { uniqueKey } from '../support/flows.ts';
import { scoredFlow, synthChampion, SYNTH_FEATURES } from '../support/lifecycle.ts';
import { bearer, FOUR_EYES, useApiFixture } from '../support/server.ts';

/** A synthetic applicant as the scored flows take it. */
function applicant(i: number): Record<string, unknown> {
  const pop = generatePopulation({ rows: i + 1, seed: 808, months: 1 });
  const application: Record<string, unknown> = { appliedAt: '2025-03-01T00:00:00.000Z' };
  for (const name of SYNTH_FEATURES) application[name] = pop.columns.find((c) => c.name === name)!.values[i];
  return application;
}

/**
 * Rolling a model back is one request: every live flow that scores with another version of it
 * gets a new version differing only in the model it names, through the same four-eyes release as
 * any change, or at once in an emergency with a second person confirming after.
 */
describe('rolling back a model used by live flows', () => {
  const f = useApiFixture(SERVER_BACKENDS[0]!, undefined, { governance: FOUR_EYES });
  let second = '';
  const asSecond = (method: 'GET' | 'POST', url: string, payload?: object) =>
    f.server.app.inject({ method, url, headers: bearer(second), ...(payload ? { payload } : {}) });

  /** Stored by the analyst, approved for use by the second risk manager. */
  async function approvedModel(version: number, seed: number): Promise<void> {
    const stored = await f.call('analyst', 'POST', '/v1/models/pd/versions', synthChampion(1200, seed, 6, 15));
    assert.equal(stored.statusCode, 201, stored.body);
    const asked = await f.call('analyst', 'POST', '/v1/releases', { kind: 'model', id: 'pd', version, note: `pd v${version}` });
    assert.equal(asked.statusCode, 201, asked.body);
    assert.equal((await asSecond('POST', `/v1/releases/${asked.json().id}/approve`, {})).json().status, 'published');
  }

  /** A flow written by the analyst and released by the second risk manager. */
  async function liveFlow(id: string, model: string): Promise<void> {
    assert.equal((await f.call('analyst', 'POST', '/v1/flows', { definition: scoredFlow(id, model, 0.3) })).statusCode, 201);
    const asked = await f.call('analyst', 'POST', `/v1/flows/${id}/versions/1/submit`, { note: 'first release' });
    assert.equal(asked.statusCode, 201, asked.body);
    assert.equal((await asSecond('POST', `/v1/releases/${asked.json().id}/approve`, {})).json().status, 'published');
  }

  const live = async (id: string) =>
    ((await f.call('auditor', 'GET', '/v1/flows')).json().flows as { id: string; liveVersion: number }[]).find((x) => x.id === id)!.liveVersion;
  const modelOf = async (id: string, version: number) =>
    ((await f.call('auditor', 'GET', `/v1/flows/${id}/versions/${version}`)).json().definition.nodes as { kind: string; model?: string }[]).find(
      (n) => n.kind === 'score',
    )!.model;

  test('through a second person: a new version of each flow on the model, submitted with the reason, live once approved', async () => {
    second = (await createApiKey(f.ctx.db, { name: 'second risk manager', role: 'risk-manager' }, { actor: 'test' })).secret;
    await approvedModel(1, 101);
    await approvedModel(2, 102);
    const stored = await f.call('analyst', 'POST', '/v1/models/pd/versions', synthChampion(1200, 103, 6, 15));
    assert.equal(stored.json().version, 3, 'v3 is stored but nobody approved it');
    await liveFlow('cards', 'pd@2');
    await liveFlow('loans', 'pd@2');
    await liveFlow('legacy', 'pd@1');

    assert.equal((await f.call('analyst', 'POST', '/v1/models/pd/rollback', { version: 1, reason: 'x' })).statusCode, 403, 'analysts do not roll back');
    const missing = await f.call('risk-manager', 'POST', '/v1/models/pd/rollback', { version: 9, reason: 'x' });
    assert.equal(missing.statusCode, 404, missing.body);
    const unapproved = await f.call('risk-manager', 'POST', '/v1/models/pd/rollback', { version: 3, reason: 'x' });
    assert.equal(unapproved.statusCode, 409);
    assert.equal(unapproved.json().error.code, 'not_approved');
    assert.equal((await f.call('risk-manager', 'POST', '/v1/models/pd/rollback', { version: 1 })).statusCode, 400, 'a rollback says why');

    // Decisions of the live versions, for each release's impact report to replay.
    for (let i = 0; i < 6; i++)
      for (const flow of ['cards', 'loans'])
        await f.server.services.decisions.decide({ flow, application: applicant(i), idempotencyKey: uniqueKey() }, { actor: 'test' });

    const asked = await f.call('risk-manager', 'POST', '/v1/models/pd/rollback', { version: 1, reason: 'v2 over-approves thin files' });
    assert.equal(asked.statusCode, 201, asked.body);
    const rollback = asked.json() as {
      flows: { flowId: string; from: number[]; liveVersion: number; version: number; release: { id: string; status: string; note: string } }[];
    };
    assert.deepEqual(
      rollback.flows.map((x) => [x.flowId, x.from, x.liveVersion, x.version, x.release.status]),
      [
        ['cards', [2], 1, 2, 'submitted'],
        ['loans', [2], 1, 2, 'submitted'],
      ],
      'the flow already on v1 is left alone',
    );
    assert.match(rollback.flows[0]!.release.note, /^Model pd back to version 1: v2 over-approves thin files$/);
    for (const flow of ['cards', 'loans']) {
      assert.equal(await modelOf(flow, 2), 'pd@1');
      const [before, after] = await Promise.all(
        [1, 2].map(
          async (v) => (await f.call('auditor', 'GET', `/v1/flows/${flow}/versions/${v}`)).json().definition as { nodes: { kind: string; model?: string }[] },
        ),
      );
      for (const n of [...before!.nodes, ...after!.nodes]) if (n.kind === 'score') delete n.model;
      assert.deepEqual(after, before, 'nothing but the model changes');
    }
    assert.equal(await live('cards'), 1, 'not live before a second person approves');

    const release = rollback.flows[0]!.release.id;
    assert.equal((await f.call('risk-manager', 'POST', `/v1/releases/${release}/approve`, {})).statusCode, 403, 'not by the person who asked');
    for (const x of rollback.flows)
      assert.equal((await asSecond('POST', `/v1/releases/${x.release.id}/approve`, { comment: 'Agreed' })).json().status, 'published');
    assert.deepEqual([await live('cards'), await live('loans'), await live('legacy')], [2, 2, 1]);
    const after = await f.server.services.decisions.decide({ flow: 'cards', application: applicant(0), idempotencyKey: uniqueKey() }, { actor: 'test' });
    assert.equal(after.decision.flowVersion, 2, 'decisions after the rollback run on the version with the earlier model');

    const again = await f.call('risk-manager', 'POST', '/v1/models/pd/rollback', { version: 1, reason: 'again' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'not_in_use');
  });

  test('in an emergency: published at once by one person, then confirmed by another; all audited', async () => {
    const asked = await f.call('risk-manager', 'POST', '/v1/models/pd/rollback', { version: 2, reason: 'Incident 7: v1 rejects everyone', emergency: true });
    assert.equal(asked.statusCode, 201, asked.body);
    const flows = asked.json().flows as {
      flowId: string;
      version: number;
      release: { id: string; status: string; emergency: boolean; confirmedBy: string | null };
    }[];
    assert.deepEqual(
      flows.map((x) => [x.flowId, x.version, x.release.status, x.release.emergency, x.release.confirmedBy]),
      [
        ['cards', 3, 'published', true, null],
        ['legacy', 2, 'published', true, null],
        ['loans', 3, 'published', true, null],
      ],
    );
    assert.deepEqual([await live('cards'), await live('legacy'), await live('loans')], [3, 2, 3]);
    assert.equal(await modelOf('legacy', 2), 'pd@2');
    const unconfirmed = (await f.call('auditor', 'GET', '/v1/releases?unconfirmed=true'))
      .json()
      .releases.map((r: { id: string }) => r.id)
      .sort();
    assert.deepEqual(unconfirmed, flows.map((x) => x.release.id).sort());
    assert.equal((await f.call('risk-manager', 'POST', `/v1/releases/${flows[0]!.release.id}/confirm`, {})).statusCode, 403);
    for (const x of flows) assert.equal((await asSecond('POST', `/v1/releases/${x.release.id}/confirm`, { comment: 'Seen' })).statusCode, 200);

    const modelAudit = await listAudit(f.ctx.db, { subjectType: 'model', subjectId: 'pd', limit: 50 });
    const rolled = modelAudit.filter((e) => e.action === 'model.rolled_back').map((e) => e.data as { to: number; emergency: boolean; flows: unknown[] });
    assert.deepEqual(rolled.map((d) => [d.to, d.emergency, d.flows.length]).sort(), [
      [1, false, 2],
      [2, true, 3],
    ]);
    const flowAudit = (await listAudit(f.ctx.db, { subjectType: 'flow', subjectId: 'legacy', limit: 50 })).map((e) => e.action);
    for (const a of ['release.emergency_rollback', 'flow.published', 'release.emergency_confirmed']) assert.ok(flowAudit.includes(a), `${a} in ${flowAudit}`);
    assert.equal((await verifyAudit(f.ctx.db)).ok, true);
  });
});
