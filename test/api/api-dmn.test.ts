import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { BACKENDS } from '../support/backends.ts';
import { demoApplication, demoFlow, uniqueKey } from '../support/flows.ts';
import { useApiFixture } from '../support/server.ts';

const policy = readFileSync('examples/dmn/credit-policy.dmn', 'utf8');
const applicant = JSON.parse(readFileSync('examples/dmn/applicant.json', 'utf8'));

for (const backend of BACKENDS) {
  describe(`DMN models on the server, on ${backend.name}`, () => {
    const f = useApiFixture(backend);

    test('a model is uploaded, versioned by content, downloaded as uploaded and evaluated with JSON inputs', async () => {
      const created = await f.call('analyst', 'POST', '/v1/dmn', { id: 'credit-policy', xml: policy });
      assert.equal(created.statusCode, 201, created.body);
      const v1 = created.json();
      assert.equal(v1.reference, 'credit-policy@1');
      assert.deepEqual(
        v1.summary.decisions.map((d: { name: string }) => d.name),
        ['Risk Band', 'Decision', 'Credit Limit'],
      );
      const again = await f.call('analyst', 'POST', '/v1/dmn', { id: 'credit-policy', xml: policy });
      assert.deepEqual([again.statusCode, again.json().version], [200, 1]);
      const changed = await f.call('analyst', 'POST', '/v1/dmn', { id: 'credit-policy', xml: policy.replace('</definitions>', '<!-- v2 --></definitions>') });
      assert.deepEqual([changed.statusCode, changed.json().version], [201, 2]);
      const file = await f.call('auditor', 'GET', '/v1/dmn/credit-policy/versions/1/file');
      assert.equal(file.body, policy);
      assert.match(String(file.headers['content-type']), /application\/xml/);
      assert.match(String(file.headers['content-disposition']), /filename="credit-policy-v1\.dmn"/);
      const evaluated = (await f.call('analyst', 'POST', '/v1/dmn/credit-policy/versions/1/evaluate', { decision: 'Risk Band', input: applicant })).json();
      assert.deepEqual([evaluated.value, evaluated.errors], ['B', []]);
      const listed = (await f.call('reviewer', 'GET', '/v1/dmn')).json().models;
      assert.deepEqual(
        listed.map((m: { modelId: string; version: number }) => [m.modelId, m.version]),
        [['credit-policy', 2]],
      );
    });

    test('a model that imports stored models is linked to their versions at upload, at every depth, and evaluated with them', async () => {
      const file = (name: string) => readFileSync(`examples/dmn/imports/${name}.dmn`, 'utf8');
      const early = await f.call('analyst', 'POST', '/v1/dmn', { id: 'loan-offer', xml: file('loan-offer') });
      assert.equal(early.statusCode, 400);
      assert.match(
        early.json().error.message,
        /imports "Risk" from namespace https:\/\/arbiter\.example\/dmn\/risk-grade, which no stored DMN model has; upload that model first/,
      );
      assert.equal((await f.call('analyst', 'POST', '/v1/dmn', { id: 'affordability', xml: file('affordability') })).statusCode, 201);
      const risk = (await f.call('analyst', 'POST', '/v1/dmn', { id: 'risk-grade', xml: file('risk-grade') })).json();
      assert.deepEqual(risk.summary.imports, [{ name: 'Affordability', namespace: 'https://arbiter.example/dmn/affordability', model: 'affordability@1' }]);
      const offer = await f.call('analyst', 'POST', '/v1/dmn', { id: 'loan-offer', xml: file('loan-offer') });
      assert.equal(offer.statusCode, 201, offer.body);
      assert.equal(offer.json().summary.imports[0].model, 'risk-grade@1');
      const input = JSON.parse(readFileSync('examples/dmn/imports/applicant.json', 'utf8'));
      const rate = (await f.call('analyst', 'POST', '/v1/dmn/loan-offer/versions/1/evaluate', { decision: 'Rate', input })).json();
      assert.deepEqual([rate.value, rate.errors], [0.069, []]);
      // A new version of an imported model does not change what a stored version was linked to;
      // the same XML uploaded again is a new version, linked to the new one.
      const looser = file('affordability').replace('Monthly Debt / Monthly Income', 'Monthly Debt / Monthly Income / 2');
      assert.equal((await f.call('analyst', 'POST', '/v1/dmn', { id: 'affordability', xml: looser })).json().version, 2);
      assert.equal((await f.call('analyst', 'POST', '/v1/dmn', { id: 'risk-grade', xml: file('risk-grade') })).json().version, 2);
      const tight = { Risk: { ...input.Risk, Affordability: { 'Monthly Income': 3000, 'Monthly Debt': 1500 } } };
      const before = (await f.call('analyst', 'POST', '/v1/dmn/risk-grade/versions/1/evaluate', { decision: 'Grade', input: tight.Risk })).json();
      const after = (await f.call('analyst', 'POST', '/v1/dmn/risk-grade/versions/2/evaluate', { decision: 'Grade', input: tight.Risk })).json();
      assert.deepEqual([before.value, after.value], ['B', 'A']);
    });

    test('a model imported without a name is stored, pinned and evaluated as part of the model that imports it', async () => {
      const ns = 'https://www.omg.org/spec/DMN/20230324/MODEL/';
      const limits = `<definitions xmlns="${ns}" id="l" name="Limits" namespace="https://arbiter.example/dmn/limits">
        <inputData id="inc" name="Income"><variable name="Income" typeRef="number"/></inputData>
        <decision id="cap" name="Cap"><variable name="Cap" typeRef="number"/><informationRequirement><requiredInput href="#inc"/></informationRequirement>
          <literalExpression><text>Income * 4</text></literalExpression></decision></definitions>`;
      const grant = `<definitions xmlns="${ns}" id="g" name="Grant" namespace="https://arbiter.example/dmn/grant">
        <import name="" namespace="https://arbiter.example/dmn/limits" importType="${ns}"/>
        <inputData id="req" name="Requested"><variable name="Requested" typeRef="number"/></inputData>
        <decision id="amt" name="Granted"><variable name="Granted" typeRef="number"/>
          <informationRequirement><requiredDecision href="https://arbiter.example/dmn/limits#cap"/></informationRequirement>
          <informationRequirement><requiredInput href="#req"/></informationRequirement>
          <literalExpression><text>min(Requested, Cap)</text></literalExpression></decision></definitions>`;
      const early = await f.call('analyst', 'POST', '/v1/dmn', { id: 'grant', xml: grant });
      assert.match(early.json().error.message, /imports a model without a name from namespace https:\/\/arbiter\.example\/dmn\/limits/);
      assert.equal((await f.call('analyst', 'POST', '/v1/dmn', { id: 'limits', xml: limits })).statusCode, 201);
      const stored = await f.call('analyst', 'POST', '/v1/dmn', { id: 'grant', xml: grant });
      assert.equal(stored.statusCode, 201, stored.body);
      assert.deepEqual(stored.json().summary.imports, [{ name: '', namespace: 'https://arbiter.example/dmn/limits', model: 'limits@1' }]);
      const granted = (
        await f.call('analyst', 'POST', '/v1/dmn/grant/versions/1/evaluate', { decision: 'Granted', input: { Requested: 50000, Income: 9000 } })
      ).json();
      assert.deepEqual([granted.value, granted.errors], [36000, []]);
    });

    test('what is not a DMN model is refused with why, and only editors upload', async () => {
      const bad = await f.call('analyst', 'POST', '/v1/dmn', { id: 'broken', xml: '<definitions><decision' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().error.message, /not a DMN model Arbiter can read/);
      assert.equal((await f.call('analyst', 'POST', '/v1/dmn', { id: '-bad id', xml: policy })).statusCode, 400);
      assert.equal((await f.call('reviewer', 'POST', '/v1/dmn', { id: 'x', xml: policy })).statusCode, 403);
      assert.equal((await f.call('analyst', 'GET', '/v1/dmn/nothing/versions')).statusCode, 404);
      const unknown = await f.call('analyst', 'POST', '/v1/dmn/credit-policy/versions/1/evaluate', { decision: 'Nope', input: {} });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.json().error.message, /no decision named "Nope"/);
    });

    test("a flow's table exported as DMN, stored, and named by the flow decides as the inline table did", async () => {
      const inline = demoFlow();
      inline.id = `inline-${uniqueKey().slice(4)}`;
      assert.equal((await f.call('analyst', 'POST', '/v1/flows', { definition: inline })).statusCode, 201);
      const exported = await f.call('analyst', 'GET', `/v1/flows/${inline.id}/versions/1/nodes/personalTier/dmn`);
      assert.equal(exported.statusCode, 200, exported.body);
      assert.match(exported.body, /https:\/\/www\.omg\.org\/spec\/DMN\/20230324\/MODEL\//);
      const stored = await f.call('analyst', 'POST', '/v1/dmn', { id: 'personal-tier', xml: exported.body });
      assert.equal(stored.statusCode, 201, stored.body);
      assert.deepEqual(
        stored
          .json()
          .summary.inputData.map((i: { name: string }) => i.name)
          .sort(),
        ['bureauScore', 'dti'],
      );

      const byReference = demoFlow();
      byReference.id = `by-dmn-${uniqueKey().slice(4)}`;
      const node = (byReference.nodes as Record<string, unknown>[]).find((n) => n.id === 'personalTier')!;
      delete node.table;
      node.dmn = { model: 'personal-tier@1', decision: 'risk' };
      assert.equal((await f.call('analyst', 'POST', '/v1/flows', { definition: byReference })).statusCode, 201);
      const checked = (await f.call('analyst', 'POST', `/v1/flows/${byReference.id}/versions/1/validate`)).json();
      assert.deepEqual([checked.ok, checked.issues], [true, []]);
      for (const flow of [inline.id, byReference.id] as string[])
        assert.equal((await f.call('risk-manager', 'POST', `/v1/flows/${flow}/versions/1/publish`)).statusCode, 200);

      const outcomes: Record<string, unknown[]> = {};
      for (const flow of [inline.id, byReference.id] as string[]) {
        outcomes[flow] = [];
        for (const bureauScore of [540, 600, 660, 700, 760]) {
          for (const monthlyDebt of [300, 2900]) {
            const r = await f.call('service', 'POST', '/v1/decisions', {
              flow,
              application: { ...demoApplication(), bureauScore, monthlyDebt },
              idempotencyKey: uniqueKey(),
            });
            assert.ok(r.statusCode === 200 || r.statusCode === 201, r.body);
            const d = r.json();
            outcomes[flow]!.push([d.outcome ?? d.status, d.offer, d.path.filter((s: string) => !s.startsWith('personalTier'))]);
          }
        }
      }
      assert.deepEqual(outcomes[byReference.id as string], outcomes[inline.id as string]);

      const missing = structuredClone(byReference);
      missing.id = `missing-${uniqueKey().slice(4)}`;
      (missing.nodes as Record<string, unknown>[]).find((n) => n.id === 'personalTier')!.dmn = { model: 'personal-tier@9', decision: 'risk' };
      const refused = (await f.call('analyst', 'POST', '/v1/flows/check', { definition: missing })).json();
      assert.equal(refused.ok, false);
      assert.match(refused.issues[0].message, /no version 9/);
    });
  });
}
