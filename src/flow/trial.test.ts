import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { checkFlow, FlowError, loadFlowFile, locateIssues, namesAfter, parseFlow, runTestCases, runTrial } from './index.ts';

const bureauFlow = () => loadFlowFile('examples/flows/bureau-check.json');
const consent = ['credit-bureau'];
const goodFile = { bureauScore: 760, worstDelinquency: 0, delinquentAccounts: 0, inquiries12m: 1, publicRecords: 0, utilisation: 0.2, nameOnFile: 'W F' };

describe('trials', () => {
  test('a bureau node answers from the report the trial gives, never from a bureau', async () => {
    // The connector points at a bureau simulator that is not running: a real pull would fail.
    const r = await runTrial(await bureauFlow(), { application: { nationalId: 'AB1', amount: 5000 }, consents: consent, reports: { pull: goodFile } });
    assert.equal(r.status, 'completed');
    assert.equal(r.outcome, 'approve');
    assert.equal((r.offer as { rate: unknown }).rate, 0.069);
    const pull = r.trace.find((t) => t.kind === 'bureau');
    assert.deepEqual((pull!.wrote as { pull: { source: string } }).pull.source, 'trial');
  });

  test('without a report the pull is unavailable, with null it failed, and without consent it is refused', async () => {
    const flow = await bureauFlow();
    const app = { nationalId: 'AB1', amount: 5000 };
    const none = await runTrial(flow, { application: app, consents: consent });
    const failed = await runTrial(flow, { application: app, consents: consent, reports: { pull: null } });
    const refused = await runTrial(flow, { application: app, reports: { pull: goodFile } });
    const failureOf = (r: typeof none) => (r.trace.find((t) => t.kind === 'bureau')!.wrote as { pull: { failure: string; reason: string } }).pull;
    assert.equal(none.path[1], 'pull:failure');
    assert.equal(failureOf(none).failure, 'unavailable');
    assert.match(failureOf(none).reason, /no report given for bureau node pull/);
    assert.equal(failureOf(failed).failure, 'unavailable');
    assert.equal(none.outcome, 'refer');
    assert.equal(refused.path[1], 'pull:no_consent');
    assert.equal(refused.outcome, 'decline');
  });

  test('a report naming a feature the connector does not map is refused by name', async () => {
    const r = await runTrial(await bureauFlow(), { application: { nationalId: 'AB1', amount: 5000 }, consents: consent, reports: { pull: { score: 1 } } });
    assert.equal(r.status, 'failed');
    assert.match(r.issues[0]!.message, /maps no feature "score"; its features are bureauScore/);
  });

  test('an application the input schema refuses is invalid, with the field', async () => {
    const r = await runTrial(await bureauFlow(), { application: { amount: 5000 } });
    assert.equal(r.status, 'invalid');
    assert.ok(r.issues.some((i) => i.path.includes('nationalId')));
  });
});

describe('test cases', () => {
  test("the demo flow's cases pass, and a wrong expectation says what differed", async () => {
    const flow = await loadFlowFile('examples/flows/consumer-lending.json');
    const cases = flow.definition.tests ?? [];
    assert.ok(cases.length >= 4);
    assert.ok((await runTestCases(flow, cases)).every((r) => r.passed));
    const wrong = { ...cases[0]!, expect: { outcome: 'decline' as const, reasons: ['KO_AGE'], offer: { limit: 9000 } } };
    const [r] = await runTestCases(flow, [wrong]);
    assert.equal(r!.passed, false);
    assert.deepEqual(r!.failures, ['outcome approve, expected decline', 'reasons lack KO_AGE (gave AP_FULL)', 'offer.limit is 15000, expected 9000']);
  });

  test('test cases are checked by the flow schema', () => {
    const def = JSON.parse(readFileSync('examples/flows/consumer-lending.json', 'utf8'));
    def.tests = [{ name: 'x', application: {}, expect: { outcome: 'maybe' } }];
    assert.throws(() => parseFlow(def), FlowError);
  });
});

describe('issue locations', () => {
  test('issues name the node, the edge, or for input fields the input node; FEEL syntax errors carry line and column', () => {
    const def = JSON.parse(readFileSync('examples/flows/consumer-lending.json', 'utf8'));
    const derive = def.nodes.findIndex((n: { id: string }) => n.id === 'derive');
    def.nodes[derive].assign.dti = 'monthlyDebt /\n (monthlyIncome +';
    const switchEdge = def.edges.findIndex((e: { when?: string }) => e.when);
    def.edges[switchEdge].when = 'nosuchVariable > 1';
    delete def.input.fields.age.class;
    const issues = locateIssues(def, checkFlow(parseFlow(def)));
    const syntax = issues.find((i) => i.code === 'feel_syntax');
    assert.equal(syntax?.node, 'derive');
    assert.equal(syntax?.line, 2);
    assert.ok((syntax?.column ?? 0) > 1);
    assert.equal(issues.find((i) => i.code === 'undefined_variable')?.edge, switchEdge);
    const located = locateIssues(def, [{ path: '$.input.fields["age"].class', code: 'unclassified_field', message: '' }]);
    assert.equal(located[0]!.node, 'start');
  });
});

describe('names in scope', () => {
  test('a node has the input fields and what it and every node before it set, not what later nodes set', () => {
    const def = parseFlow(JSON.parse(readFileSync('examples/flows/consumer-lending.json', 'utf8')));
    const after = namesAfter(def);
    assert.ok(after.get('start')!.includes('monthlyIncome'));
    assert.ok(!after.get('start')!.includes('dti'), 'the input node comes before derive');
    assert.ok(after.get('derive')!.includes('dti'));
    assert.ok(!after.get('derive')!.includes('risk'), 'the tier tables come later');
    assert.ok(after.get('approveFull')!.includes('risk') && after.get('approveFull')!.includes('dti'));
  });
});
