import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { buildServer, type Server } from '../../src/api/index.ts';
import { loggerOptions } from '../../src/api/logger.ts';
import { createApiKey, createFlow, publishVersion, verifyAudit } from '../../src/store/index.ts';
import { BACKENDS, POSTGRES_URL, type TestDatabase } from '../support/backends.ts';
import { uniqueKey } from '../support/flows.ts';
import { bearer, keysForEveryRole, TEST_KEYS } from '../support/server.ts';

/** A flow with personal fields of every class, one of them C3. */
const privacyFlow = {
  id: 'privacy-check',
  name: 'Privacy check',
  input: {
    fields: {
      fullName: { type: 'string', class: 'C2', required: true },
      nationalId: { type: 'string', class: 'C2', required: true, search: true },
      phone: { type: 'string', class: 'C2', search: true },
      email: { type: 'string', class: 'C2' },
      monthlyIncome: { type: 'number', class: 'C2' },
      pin: { type: 'string', class: 'C3', required: true },
      score: { type: 'number', class: 'C1', required: true },
    },
  },
  nodes: [
    { id: 'in', kind: 'input' },
    { id: 'calc', kind: 'expression', assign: { pinGiven: 'string length(pin) = 4', nameLength: 'string length(fullName)', annual: 'monthlyIncome * 12' } },
    { id: 'route', kind: 'switch' },
    { id: 'check', kind: 'review', reason: 'look at it' },
    { id: 'yes', kind: 'output', outcome: 'approve', offer: { limit: 'annual * 0.2' } },
    { id: 'no', kind: 'output', outcome: 'decline', reasons: [{ code: 'DC_SCORE', text: 'Score below 600' }] },
  ],
  edges: [
    { from: 'in', to: 'calc' },
    { from: 'calc', to: 'route' },
    { from: 'route', to: 'no', when: 'score < 600' },
    { from: 'route', to: 'check', when: 'score < 700' },
    { from: 'route', to: 'yes', default: true },
    { from: 'check', to: 'yes', on: 'approve' },
    { from: 'check', to: 'no', on: 'decline' },
  ],
};

function canaryApplication(tag: string, score: number) {
  return {
    fullName: `CanaryName${tag}`,
    nationalId: `110101199003${tag}`,
    phone: `138${tag.slice(-4)}5678`,
    email: `canary${tag}@example.com`,
    monthlyIncome: 7321.0917,
    pin: `c3pin${tag}`,
    score,
  };
}

for (const backend of BACKENDS) {
  describe(`personal data on ${backend.name}`, () => {
    let ctx: TestDatabase;
    let server: Server;
    let keys: Awaited<ReturnType<typeof keysForEveryRole>>;
    const logLines: string[] = [];
    before(async () => {
      ctx = await backend.create();
      const sink = new Writable({ write: (chunk, _e, done) => (logLines.push(String(chunk)), done()) });
      server = await buildServer({ db: ctx.db, logger: pino({ ...loggerOptions, level: 'debug' }, sink), keys: TEST_KEYS });
      keys = await keysForEveryRole(ctx.db);
      await createFlow(ctx.db, privacyFlow.id, privacyFlow.name, privacyFlow, { actor: 'test' });
      await publishVersion(ctx.db, privacyFlow.id, 1, { actor: 'test' }, () => {});
    });
    after(async () => {
      await server.app.close();
      await ctx.cleanup();
    });
    const call = (role: keyof typeof keys, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
      server.app.inject({ method, url, headers: bearer(keys[role]), ...(payload ? { payload } : {}) });
    const decide = async (application: object) => {
      const res = await call('service', 'POST', '/v1/decisions', { flow: 'privacy-check', application, idempotencyKey: uniqueKey() });
      assert.ok(res.statusCode < 300, res.body);
      return res.json();
    };

    test('canaries: no C2 value in clear anywhere in the database or the logs, no C3 value at all', async () => {
      const tags = ['483921', '502177', '618830'];
      const made = [];
      for (const [i, tag] of tags.entries()) made.push(await decide(canaryApplication(tag, [550, 650, 750][i]!)));
      // a review and its resume write the trace again
      const pending = made.find((d) => d.status === 'pending_review');
      const note = 'Called CanaryNote483921 back: salary confirmed';
      const decided = await call('reviewer', 'POST', `/v1/reviews/${pending.pendingReviewId}`, { verdict: 'approve', note });
      assert.equal(decided.statusCode, 200);
      assert.equal(decided.json().review.note, note);
      assert.equal((await call('reviewer', 'GET', `/v1/reviews/${pending.pendingReviewId}`)).json().review.note, note, 'readers see the note');
      // A contest upheld: its statement and the override's note are free text about the applicant too.
      const declined = made.find((d) => d.outcome === 'decline');
      const contest = await call('service', 'POST', `/v1/decisions/${declined.id}/contest`, { statement: 'CanaryStatement502177 my income rose' });
      assert.equal(contest.statusCode, 201);
      assert.equal(
        (await call('reviewer', 'POST', `/v1/reviews/${contest.json().reviewId}`, { verdict: 'approve', note: 'CanaryOverride502177 new payslip' })).statusCode,
        200,
      );
      const overridden = (await call('analyst', 'GET', `/v1/decisions/${declined.id}`)).json();
      assert.equal(overridden.override.note, 'CanaryOverride502177 new payslip');
      assert.equal(
        (await call('service', 'POST', `/v1/decisions/${declined.id}/contest`, { statement: 'again' })).statusCode,
        409,
        'no second contest after a person overrode the decision',
      );
      for (const d of made) await call('analyst', 'GET', `/v1/decisions/${d.id}`);

      let dump: string;
      if (backend.name === 'postgres') {
        const schema = (ctx.db.location.match(/schema (\S+)\)/) ?? [])[1]!;
        const res = spawnSync('pg_dump', ['--data-only', '--schema', schema, '--schema', 'pgboss', POSTGRES_URL], { encoding: 'latin1', maxBuffer: 1 << 28 });
        assert.equal(res.status, 0, res.stderr);
        dump = res.stdout;
      } else {
        const { rows: tables } = await ctx.db.query<{ schemaname: string; tablename: string }>(
          "select schemaname, tablename from pg_tables where schemaname not in ('pg_catalog', 'information_schema')",
        );
        const parts: string[] = [];
        for (const t of tables) {
          const { rows } = await ctx.db.query(`select * from "${t.schemaname}"."${t.tablename}"`);
          parts.push(JSON.stringify(rows, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v)));
        }
        dump = parts.join('\n');
      }
      const logs = logLines.join('');
      assert.ok(dump.length > 1000, 'the dump holds the tables');
      let checked = 0;
      for (const tag of tags) {
        const app = canaryApplication(tag, 0);
        for (const value of [app.fullName, app.nationalId, app.phone, app.email]) {
          assert.ok(!dump.includes(value), `C2 value ${value} is in the database in clear`);
          assert.ok(!logs.includes(value), `C2 value ${value} is in the logs`);
          checked++;
        }
        assert.ok(!dump.includes(app.pin) && !logs.includes(app.pin), `C3 value ${app.pin} was stored or logged`);
        checked++;
      }
      assert.ok(!dump.includes('7321.0917') && !logs.includes('7321.0917'), 'income (C2) is not stored or logged in clear');
      for (const derived of ['87853.1004', '17570.62008'])
        assert.ok(!dump.includes(derived) && !logs.includes(derived), `a value computed from income (${derived}) is stored or logged in clear`);
      for (const free of ['CanaryNote483921', 'CanaryStatement502177', 'CanaryOverride502177']) {
        assert.ok(!dump.includes(free) && !logs.includes(free), `free text ${free} is in the database or the logs in clear`);
        checked++;
      }
      console.log(`${backend.name}: ${checked} canaries absent from ${dump.length} bytes of tables and ${logs.length} bytes of logs`);
    });

    test('C2 is masked for every role; reveal needs a role that may and a purpose, and is audited', async () => {
      const d = await decide(canaryApplication('771204', 750));
      const shown = (await call('analyst', 'GET', `/v1/decisions/${d.id}`)).json();
      assert.deepEqual(shown.application, {
        fullName: 'C***************',
        nationalId: '110101********1204',
        phone: '138****5678',
        email: 'c***@example.com',
        monthlyIncome: '***',
        pin: '[C3: not stored]',
        score: 750,
      });
      assert.deepEqual(shown.droppedFields, ['pin']);
      const calc = shown.trace.find((t: { node: string }) => t.node === 'calc');
      assert.equal(calc.read.fullName, 'C***************');
      assert.equal(calc.read.pin, '[C3: not stored]');
      for (const role of ['analyst', 'risk-manager', 'auditor', 'service'] as const) {
        assert.equal((await call(role, 'POST', `/v1/decisions/${d.id}/reveal`, { purpose: 'review_case' })).statusCode, 403, role);
      }
      assert.equal((await call('reviewer', 'POST', `/v1/decisions/${d.id}/reveal`, {})).statusCode, 400);
      assert.equal(
        (await call('reviewer', 'POST', `/v1/decisions/${d.id}/reveal`, { purpose: 'aaaaaaaaaa' })).statusCode,
        400,
        'a purpose is one of the codes, not any ten characters',
      );
      // A reviewer reveals only for a case they hold: this application approved without one.
      const noCase = await call('reviewer', 'POST', `/v1/decisions/${d.id}/reveal`, { purpose: 'review_case' });
      assert.equal(noCase.statusCode, 403);
      assert.match(noCase.json().error.message, /hold no review case/);
      const pending = await decide(canaryApplication('771205', 650));
      const claimed = await call('reviewer', 'POST', `/v1/reviews/${pending.pendingReviewId}/claim`);
      assert.equal(claimed.statusCode, 200);
      assert.equal(
        (await call('reviewer', 'POST', `/v1/decisions/${pending.id}/reveal`, { purpose: 'fraud_investigation', reference: 'T-1' })).statusCode,
        403,
        'not a purpose of a reviewer',
      );
      const revealed = await call('reviewer', 'POST', `/v1/decisions/${pending.id}/reveal`, { purpose: 'review_case', fields: ['phone', 'nationalId'] });
      assert.equal(revealed.statusCode, 200);
      assert.deepEqual(revealed.json().application, { phone: '13812055678', nationalId: '110101199003771205' });
      assert.equal(
        (await call('admin', 'POST', `/v1/decisions/${d.id}/reveal`, { purpose: 'applicant_request' })).statusCode,
        400,
        'an admin names the request it serves',
      );
      const admin = await call('admin', 'POST', `/v1/decisions/${d.id}/reveal`, { purpose: 'applicant_request', reference: 'SAR-2026-042' });
      assert.equal(admin.json().application.fullName, 'CanaryName771204');
      assert.equal(admin.json().application.pin, undefined, 'C3 is not stored, so it cannot be revealed');
      const byReviewer = (await call('auditor', 'GET', `/v1/audit?action=personal_data.revealed&subjectId=${pending.id}`)).json().events;
      assert.deepEqual(byReviewer[0].data, { fields: ['phone', 'nationalId'], purpose: 'review_case', reference: pending.pendingReviewId });
      const events = (await call('auditor', 'GET', `/v1/audit?action=personal_data.revealed&subjectId=${d.id}`)).json().events;
      assert.equal(events.length, 1);
      assert.deepEqual(events[0].data.reference, 'SAR-2026-042');
      assert.ok(!JSON.stringify(events).includes('13812045678'), 'the audit event names fields, not values');
    });

    test('values computed from personal fields inherit their class: masked in the trace, sealed in the stored result', async () => {
      const body = { flow: 'privacy-check', application: canaryApplication('818181', 750), idempotencyKey: uniqueKey() };
      const made = await call('service', 'POST', '/v1/decisions', body);
      assert.equal(made.statusCode, 201);
      // The client that decided gets its offer; a retry of its request too.
      assert.equal(made.json().offer.limit, 17570.62008);
      assert.equal((await call('service', 'POST', '/v1/decisions', body)).json().offer.limit, 17570.62008);
      const id = made.json().id as string;
      const shown = (await call('analyst', 'GET', `/v1/decisions/${id}`)).json();
      assert.equal(shown.offer.limit, '[personal: sealed in the trace]', 'the limit is computed from income (C2)');
      const calc = shown.trace.find((t: { node: string }) => t.node === 'calc');
      assert.equal(calc.wrote.annual, '***', 'annual income is derived from monthly income');
      assert.equal(calc.wrote.pinGiven, '***', 'derived from a C3 field');
      const route = shown.trace.find((t: { node: string }) => t.node === 'route');
      assert.equal(route.read.score, 750, 'C1 stays in clear');
      const { rows } = await ctx.db.query<{ result: unknown }>('select result from decisions where id = $1', [id]);
      assert.ok(!JSON.stringify(rows[0]!.result).includes('17570'), 'the stored result holds no value computed from income');
      const declassifiedFlow = {
        ...privacyFlow,
        id: 'privacy-declassified',
        declassify: { nameLength: 'a count of characters says nothing about the applicant' },
      };
      await createFlow(ctx.db, declassifiedFlow.id, declassifiedFlow.name, declassifiedFlow, { actor: 'test' });
      await publishVersion(ctx.db, declassifiedFlow.id, 1, { actor: 'test' }, () => {});
      const other = await call('service', 'POST', '/v1/decisions', { ...body, flow: declassifiedFlow.id, idempotencyKey: uniqueKey() });
      const otherCalc = (await call('analyst', 'GET', `/v1/decisions/${other.json().id}`)).json().trace.find((t: { node: string }) => t.node === 'calc');
      assert.equal(otherCalc.wrote.nameLength, 16, 'declassified: shown in clear');
      assert.equal(otherCalc.wrote.annual, '***');
      const published = (await call('auditor', 'GET', `/v1/audit?action=flow.published&subjectId=${declassifiedFlow.id}`)).json().events;
      assert.deepEqual(published[0].data.declassified, declassifiedFlow.declassify, 'the statement is audited');
    });

    test('a searchable field finds applications through its blind index', async () => {
      const d = await decide(canaryApplication('330551', 720));
      const found = (await call('analyst', 'POST', '/v1/decisions/search', { field: 'nationalId', value: '110101199003330551' })).json();
      assert.deepEqual(
        found.decisions.map((x: { id: string }) => x.id),
        [d.id],
      );
      const none = (await call('analyst', 'POST', '/v1/decisions/search', { field: 'nationalId', value: '110101199003000000' })).json();
      assert.deepEqual(none.decisions, []);
    });

    test('a tampered ciphertext is detected and not served', async () => {
      const a = await decide(canaryApplication('120001', 750));
      const b = await decide(canaryApplication('120002', 750));
      // copy one application's sealed data onto another row: the associated data no longer matches
      await ctx.db.query('update decisions set application_c2 = (select application_c2 from decisions where id = $1) where id = $2', [a.id, b.id]);
      const res = await call('analyst', 'GET', `/v1/decisions/${b.id}`);
      assert.equal(res.statusCode, 500);
      assert.equal(res.json().error.code, 'data_integrity');
      assert.ok(!res.body.includes('CanaryName'), 'nothing of the data is served');
      // flip a byte
      await ctx.db.query(`update decisions set trace_sealed = overlay(trace_sealed placing '\\x00'::bytea from 40 for 1) where id = $1`, [a.id]);
      assert.equal((await call('analyst', 'GET', `/v1/decisions/${a.id}`)).json().error.code, 'data_integrity');
    });

    test('erasure destroys the data key: nobody can read it, the decision and the audit chain remain', async () => {
      const d = await decide(canaryApplication('909090', 650));
      assert.equal((await call('analyst', 'DELETE', `/v1/applications/${d.id}/personal-data`)).statusCode, 403);
      const erased = await call('admin', 'DELETE', `/v1/applications/${d.id}/personal-data`);
      assert.equal(erased.statusCode, 200);
      const after = (await call('analyst', 'GET', `/v1/decisions/${d.id}`)).json();
      assert.deepEqual([after.personalDataErased, after.application, after.trace], [true, null, null]);
      assert.equal(after.status, 'pending_review');
      assert.deepEqual(after.path.slice(-1), ['check']);
      assert.equal((await call('admin', 'POST', `/v1/decisions/${d.id}/reveal`, { purpose: 'applicant_request', reference: 'SAR-1' })).statusCode, 409);
      const search = (await call('analyst', 'POST', '/v1/decisions/search', { field: 'nationalId', value: '110101199003909090' })).json();
      assert.deepEqual(search.decisions, []);
      // After erasure: a contest's statement could not be kept, so it is refused, not dropped; notes are gone with the key.
      // (Declines and refers are kept for the adverse-action period, so these are approvals.)
      const approved = await decide(canaryApplication('919191', 750));
      const reviewed = await decide(canaryApplication('929292', 650));
      assert.equal(
        (await call('reviewer', 'POST', `/v1/reviews/${reviewed.pendingReviewId}`, { verdict: 'approve', note: 'Spoke to the applicant' })).statusCode,
        200,
      );
      for (const x of [approved, reviewed]) {
        const erased = await call('admin', 'DELETE', `/v1/applications/${x.id}/personal-data`);
        assert.equal(erased.statusCode, 200, erased.body);
      }
      const contest = await call('service', 'POST', `/v1/decisions/${approved.id}/contest`, { statement: 'I disagree' });
      assert.equal(contest.statusCode, 409);
      assert.equal(contest.json().error.code, 'erased');
      assert.equal((await call('reviewer', 'GET', `/v1/reviews/${reviewed.pendingReviewId}`)).json().review.note, '[erased with the personal data]');
      const { rows } = await ctx.db.query<{ wrapped: unknown }>('select k.wrapped from data_keys k join decisions d on d.data_key_id = k.id where d.id = $1', [
        d.id,
      ]);
      assert.equal(rows[0]!.wrapped, null);
      const audit = await verifyAudit(ctx.db);
      assert.equal(audit.ok, true);
    });

    test('the request digest is keyed and leaves C3 out; erasure drops it, so a replay cannot confirm a guess', async () => {
      const key = uniqueKey();
      const app = canaryApplication('717171', 650);
      const body = { flow: 'privacy-check', application: app, idempotencyKey: key };
      const first = await call('service', 'POST', '/v1/decisions', body);
      assert.equal(first.statusCode, 201);
      const { rows } = await ctx.db.query<{ request_hash: string }>('select request_hash from decisions where id = $1', [first.json().id]);
      const stored = rows[0]!.request_hash;
      assert.match(stored, /^h1:[0-9a-f]{64}$/);
      // An unkeyed SHA-256 of the request, with or without the PIN, is not what is stored: guesses cannot be tested offline.
      const { createHash } = await import('node:crypto');
      const { canonicalJson } = await import('../../src/privacy/index.ts');
      for (const application of [app, { ...app, pin: undefined }]) {
        assert.notEqual(
          stored.slice(3),
          createHash('sha256')
            .update(canonicalJson({ flow: 'privacy-check', version: null, application, consents: [] }))
            .digest('hex'),
        );
      }
      // C3 is not in the digest: the same request with another PIN is the same request.
      const otherPin = await call('service', 'POST', '/v1/decisions', { ...body, application: { ...app, pin: 'another' } });
      assert.equal(otherPin.statusCode, 200);
      assert.equal(otherPin.headers['idempotent-replay'], 'true');
      const changed = await call('service', 'POST', '/v1/decisions', { ...body, application: { ...app, score: 651 } });
      assert.equal(changed.statusCode, 422);
      assert.equal((await call('admin', 'DELETE', `/v1/applications/${first.json().id}/personal-data`)).statusCode, 200);
      const after = await ctx.db.query<{ request_hash: string | null }>('select request_hash from decisions where id = $1', [first.json().id]);
      assert.equal(after.rows[0]!.request_hash, null);
      for (const application of [app, { ...app, score: 651 }]) {
        const replay = await call('service', 'POST', '/v1/decisions', { ...body, application });
        assert.equal(replay.statusCode, 410, 'the right guess and a wrong one get the same answer');
        assert.equal(replay.json().error.code, 'erased');
      }
    });

    test("idempotency keys are scoped per client: another client's same key is a decision of its own", async () => {
      const other = (await createApiKey(ctx.db, { name: 'second service', role: 'service' }, { actor: 'test' })).secret;
      const key = uniqueKey();
      const mine = await call('service', 'POST', '/v1/decisions', {
        flow: 'privacy-check',
        application: canaryApplication('727272', 750),
        idempotencyKey: key,
      });
      assert.equal(mine.statusCode, 201);
      const theirs = await server.app.inject({
        method: 'POST',
        url: '/v1/decisions',
        headers: bearer(other),
        payload: { flow: 'privacy-check', application: canaryApplication('737373', 550), idempotencyKey: key },
      });
      assert.equal(theirs.statusCode, 201, "not a replay of the first client's decision");
      assert.notEqual(theirs.json().id, mine.json().id);
      assert.equal(theirs.json().outcome, 'decline');
      const again = await call('service', 'POST', '/v1/decisions', {
        flow: 'privacy-check',
        application: canaryApplication('727272', 750),
        idempotencyKey: key,
      });
      assert.equal(again.statusCode, 200);
      assert.equal(again.json().id, mine.json().id);
    });

    test('the audit log refuses updates and deletes', async () => {
      await assert.rejects(ctx.db.query("update audit_events set actor = 'x' where seq = 1"), /append-only/);
      await assert.rejects(ctx.db.query('delete from audit_events where seq = 1'), /append-only/);
      await assert.rejects(ctx.db.query('truncate audit_events'), /append-only/);
    });
  });
}
