import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkFlow, checkPublishable, compileFlow, enumeratePaths, FlowError, parseFlow, type FlowDefinition, type FlowResolver } from './index.ts';

type Json = Record<string, unknown>;

/** A small flow with every node kind but subflow; pieces are overridden per test. */
function flow(over: Partial<FlowDefinition> = {}): Json {
  return {
    id: 'mini',
    name: 'Mini',
    input: {
      fields: {
        score: { type: 'number', class: 'C1', required: true },
        income: { type: 'number', class: 'C2' },
        channel: { type: 'string', class: 'C1', enum: ['web', 'branch'] },
      },
    },
    nodes: [
      { id: 'in', kind: 'input' },
      { id: 'calc', kind: 'expression', assign: { yearly: 'income * 12', double: 'yearly * 2' } },
      {
        id: 'rules',
        kind: 'ruleset',
        rules: [
          { code: 'KO_SCORE', when: 'score < 500', severity: 'knockout', text: 'Score too low' },
          { code: 'WN_INCOME', when: 'income < 1000', severity: 'warning', text: 'Low income' },
        ],
      },
      {
        id: 'tier',
        kind: 'table',
        output: 'band',
        table: {
          hitPolicy: 'FIRST',
          inputs: [{ expression: 'score' }],
          outputs: [{ name: 'band' }],
          rules: [
            { inputEntries: ['>= 700'], outputEntries: ['"A"'] },
            { inputEntries: ['-'], outputEntries: ['"B"'] },
          ],
        },
      },
      { id: 'route', kind: 'switch' },
      { id: 'check', kind: 'review', reason: 'band B' },
      { id: 'yes', kind: 'output', outcome: 'approve', offer: { limit: 'yearly * 0.3' } },
      { id: 'no', kind: 'output', outcome: 'decline' },
    ],
    edges: [
      { from: 'in', to: 'calc' },
      { from: 'calc', to: 'rules' },
      { from: 'rules', to: 'tier', on: 'pass' },
      { from: 'rules', to: 'no', on: 'knockout' },
      { from: 'tier', to: 'route' },
      { from: 'route', to: 'yes', when: 'band = "A"' },
      { from: 'route', to: 'check', default: true },
      { from: 'check', to: 'yes', on: 'approve' },
      { from: 'check', to: 'no', on: 'decline' },
    ],
    ...over,
  };
}

function issuesOf(def: Json, resolver?: FlowResolver): { path: string; code: string; message: string }[] {
  try {
    compileFlow(def, resolver);
    return [];
  } catch (err) {
    if (err instanceof FlowError) return err.issues;
    throw err;
  }
}

describe('running a flow', () => {
  test('expression, ruleset, table, switch and output nodes', async () => {
    const r = await compileFlow(flow()).run({ score: 720, income: 900 });
    assert.equal(r.status, 'completed');
    if (r.status !== 'completed') return;
    assert.equal(r.output.outcome, 'approve');
    assert.deepEqual(r.output.offer, { limit: 3240 });
    assert.deepEqual(
      r.output.reasons.map((x) => x.code),
      ['WN_INCOME'],
    );
    assert.deepEqual(r.path, ['in', 'calc', 'rules:pass', 'tier', 'route:band = "A"', 'yes']);
    const calc = r.trace!.find((t) => t.node === 'calc')!;
    assert.deepEqual(calc.read, { income: 900 });
    assert.deepEqual(calc.wrote, { yearly: 10800, double: 21600 });
    assert.ok(r.trace!.every((t) => t.ms >= 0));
  });

  test('a knock-out rule leaves by the knockout edge with its reason', async () => {
    const r = await compileFlow(flow()).run({ score: 450, income: 5000 });
    assert.equal(r.status, 'completed');
    if (r.status === 'completed') {
      assert.equal(r.output.outcome, 'decline');
      assert.deepEqual(
        r.output.reasons.map((x) => x.code),
        ['KO_SCORE'],
      );
    }
  });

  test('a review node waits; a verdict resumes after it', async () => {
    const compiled = compileFlow(flow());
    const waiting = await compiled.run({ score: 600, income: 5000 });
    assert.equal(waiting.status, 'pending_review');
    if (waiting.status === 'pending_review') assert.deepEqual(waiting.wait, { node: 'check', reason: 'band B', queue: 'default' });
    const done = await compiled.run({ score: 600, income: 5000 }, { reviews: { check: { verdict: 'decline', note: 'no', reviewer: 'r' } } });
    assert.equal(done.status === 'completed' && done.output.outcome, 'decline');
    assert.deepEqual(done.path.slice(-2), ['check:decline', 'no']);
  });

  test('a subflow runs as one step and its decision lands in a variable', async () => {
    const child = compileFlow({
      id: 'child',
      name: 'Child',
      input: { fields: { x: { type: 'number', class: 'C1' } } },
      nodes: [
        { id: 'in', kind: 'input' },
        { id: 'out', kind: 'output', outcome: 'approve', offer: { twice: 'x * 2' } },
      ],
      edges: [{ from: 'in', to: 'out' }],
    });
    const parent = flow({
      nodes: [
        { id: 'in', kind: 'input' },
        { id: 'sub', kind: 'subflow', flow: 'child', inputs: { x: 'score' }, output: 'childDecision' },
        { id: 'yes', kind: 'output', outcome: 'approve', offer: { fromChild: 'childDecision.offer.twice' } },
      ],
      edges: [
        { from: 'in', to: 'sub' },
        { from: 'sub', to: 'yes' },
      ],
    });
    const resolver: FlowResolver = {
      flow: () => child,
      dmnTable: () => assert.fail('no DMN here'),
      model: () => assert.fail('no model here'),
      connector: () => assert.fail('no connector here'),
    };
    const r = await compileFlow(parent, resolver).run({ score: 21 });
    assert.deepEqual(r.status === 'completed' && r.output.offer, { fromChild: 42 });
  });

  test('an all-match switch runs every matching branch, then the join', async () => {
    const def = flow({
      nodes: [
        { id: 'in', kind: 'input' },
        { id: 'fan', kind: 'switch', mode: 'all', join: 'done' },
        { id: 'a', kind: 'expression', assign: { flagA: 'true' } },
        { id: 'b', kind: 'expression', assign: { flagB: 'true' } },
        { id: 'done', kind: 'output', outcome: 'refer', offer: { a: 'flagA', b: 'flagB' } },
      ],
      edges: [
        { from: 'in', to: 'fan' },
        { from: 'fan', to: 'a', when: 'score > 1' },
        { from: 'fan', to: 'b', when: 'score > 2' },
        { from: 'a', to: 'done' },
        { from: 'b', to: 'done' },
      ],
    });
    const r = await compileFlow(def).run({ score: 5 });
    assert.deepEqual(r.path, ['in', 'fan:score > 1 + score > 2', 'a', 'b', 'done']);
    assert.deepEqual(r.status === 'completed' && r.output.offer, { a: true, b: true });
    const paths = enumeratePaths(compileFlow(def).definition).paths.map((p) => p.steps.join(' > '));
    assert.ok(paths.includes(r.path.join(' > ')), 'the run took an enumerated path');
    assert.equal(paths.length, 4, 'a, b, a+b, none');
  });

  test("the applicant's consents are a variable of every flow", async () => {
    const def = flow({
      nodes: [
        { id: 'in', kind: 'input' },
        { id: 'out', kind: 'output', outcome: 'refer', offer: { bureau: 'some c in consents satisfies c.scope = "credit-bureau"' } },
      ],
      edges: [{ from: 'in', to: 'out' }],
    });
    const compiled = compileFlow(def);
    const withConsent = await compiled.run({ score: 1 }, { consents: [{ scope: 'credit-bureau', grantedAt: '2026-01-01T00:00:00Z', channel: 'web' }] });
    const without = await compiled.run({ score: 1 });
    assert.deepEqual(
      [withConsent.status === 'completed' && withConsent.output.offer.bureau, without.status === 'completed' && without.output.offer.bureau],
      [true, false],
    );
  });

  test('a bad application is refused with every problem and its path', async () => {
    await assert.rejects(compileFlow(flow()).run({ score: 'high', channel: 'fax', extra: 1 }), (err: unknown) => {
      assert.ok(err instanceof FlowError);
      assert.deepEqual(err.issues.map((i) => i.path).sort(), ['application.channel', 'application.extra', 'application.score']);
      return true;
    });
  });
});

describe('static checks', () => {
  test('schema violations carry JSON paths', () => {
    const def = flow();
    (def.nodes as Json[])[1] = { id: 'calc', kind: 'expression', assign: { x: '' } };
    (def.nodes as Json[])[2]!.rules = [];
    const issues = issuesOf(def);
    assert.deepEqual(issues.map((i) => i.path).sort(), ['$.nodes[1].assign.x', '$.nodes[2].rules']);
  });
  test('cycles', () => {
    const def = flow();
    (def.edges as Json[]).push({ from: 'route', to: 'calc', when: 'score = 1' });
    const issues = issuesOf(def);
    assert.ok(
      issues.some((i) => i.code === 'cycle' && /calc → rules → tier → route → calc/.test(i.message)),
      JSON.stringify(issues),
    );
  });
  test('unreachable nodes', () => {
    const def = flow();
    (def.nodes as Json[]).push({ id: 'orphan', kind: 'output', outcome: 'refer' });
    assert.deepEqual(
      issuesOf(def).map((i) => [i.code, i.message]),
      [['unreachable', 'node orphan cannot be reached from the input node']],
    );
  });
  test('dangling edges', () => {
    const def = flow();
    (def.edges as Json[])[0] = { from: 'in', to: 'nowhere' };
    assert.ok(issuesOf(def).some((i) => i.code === 'dangling_edge' && i.path === '$.edges[0].to'));
  });
  test('undefined variables', () => {
    const def = flow();
    (def.nodes as Json[])[6] = { id: 'yes', kind: 'output', outcome: 'approve', offer: { limit: 'yearly * riskFactor' } };
    const issues = issuesOf(def);
    assert.deepEqual(
      issues.map((i) => [i.path, i.code]),
      [['$.nodes[6].offer["limit"]', 'undefined_variable']],
    );
    assert.match(issues[0]!.message, /"riskFactor" is not an input field nor set by any node/);
  });
  test('FEEL syntax errors name the place', () => {
    const def = flow();
    (def.edges as Json[])[5] = { from: 'route', to: 'yes', when: 'band = * "A"' };
    const issues = issuesOf(def);
    assert.equal(issues[0]!.path, '$.edges[5].when');
    assert.match(issues[0]!.message, /line 1, column 8/);
  });
  test('switch branches that can never be taken', () => {
    const def = flow();
    (def.edges as Json[]).splice(
      6,
      0,
      { from: 'route', to: 'no', when: 'channel = "phone"' },
      { from: 'route', to: 'no', when: 'score >= 800' },
      { from: 'route', to: 'no', when: '1 > 2' },
    );
    (def.edges as Json[])[5] = { from: 'route', to: 'yes', when: 'score >= 700' };
    const messages = issuesOf(def).map((i) => i.message);
    assert.equal(messages.length, 3, messages.join('\n'));
    assert.match(messages[0]!, /"channel = "phone"".*channel is one of "web", "branch"/);
    assert.match(messages[1]!, /"score >= 800".*earlier branches already take every value of score/);
    assert.match(messages[2]!, /"1 > 2".*constant false/);
  });
  test('misplaced edges: outputs with exits, missing ports, two defaults', () => {
    const def = flow();
    (def.edges as Json[]).push({ from: 'yes', to: 'no' });
    (def.edges as Json[]).splice(3, 1); // the knockout edge
    (def.edges as Json[]).push({ from: 'route', to: 'no', default: true });
    const codes = issuesOf(def).map((i) => i.message);
    assert.ok(
      codes.some((m) => /output node yes ends the flow/.test(m)),
      codes.join('\n'),
    );
    assert.ok(codes.some((m) => /ruleset node rules needs one edge on "knockout"/.test(m)));
    assert.ok(codes.some((m) => /switch route has 2 default edges/.test(m)));
  });
});

describe('publishing', () => {
  test('every input field needs a class, and every decline or refer its reasons', () => {
    const def = flow();
    delete ((def.input as { fields: Record<string, Json> }).fields.channel as Json).class;
    const issues = checkPublishable(compileFlow(def).definition);
    assert.deepEqual(
      issues.map((i) => i.code),
      ['unclassified_field', 'unexplained_outcome'],
    );
    assert.match(issues[1]!.message, /output no declines without reasons when reached from check/);
  });
});

describe('paths', () => {
  test('every path from input to an output, with conditions and outcome', () => {
    const { paths } = enumeratePaths(compileFlow(flow()).definition);
    assert.deepEqual(
      paths.map((p) => `${p.outcome}: ${p.steps.join(' > ')}`),
      [
        'approve: in > calc > rules:pass > tier > route:band = "A" > yes',
        'approve: in > calc > rules:pass > tier > route:default > check:approve > yes',
        'decline: in > calc > rules:pass > tier > route:default > check:decline > no',
        'decline: in > calc > rules:knockout > no',
      ],
    );
    assert.deepEqual(paths[0]!.conditions, ['rules: no knock-out or refer rule fired', 'route: band = "A"']);
  });
});

test("an output's modelReasons must name a score node of the flow", () => {
  const flow = parseFlow({
    id: 'f',
    name: 'f',
    input: { fields: { amount: { type: 'number', class: 'C1' } } },
    nodes: [
      { id: 'in', kind: 'input' },
      { id: 'no', kind: 'output', outcome: 'decline', modelReasons: 'in' },
    ],
    edges: [{ from: 'in', to: 'no' }],
  });
  const issues = checkFlow(flow);
  assert.deepEqual(
    issues.filter((i) => i.code === 'bad_reference'),
    [{ path: '$.nodes[1].modelReasons', code: 'bad_reference', message: 'modelReasons names "in", which is not a score node of this flow' }],
  );
});

test('application fields typed as dates, times and durations are read from their ISO 8601 strings, and refused by name when they are not', async () => {
  const flow = compileFlow({
    id: 'temporal',
    name: 'temporal',
    input: {
      fields: {
        birthDate: { type: 'date', class: 'C2' },
        appliedAt: { type: 'dateTime', class: 'C1' },
        callBefore: { type: 'time', class: 'C1' },
        employedFor: { type: 'yearMonthDuration', class: 'C1' },
        gracePeriod: { type: 'dayTimeDuration', class: 'C1' },
      },
    },
    nodes: [
      { id: 'in', kind: 'input' },
      { id: 'age', kind: 'switch' },
      { id: 'yes', kind: 'output', outcome: 'approve', offer: { firstDue: 'date(appliedAt) + gracePeriod', call: 'string(callBefore)' } },
      { id: 'no', kind: 'output', outcome: 'decline' },
    ],
    edges: [
      { from: 'in', to: 'age' },
      { from: 'age', to: 'yes', when: 'years and months duration(birthDate, date(appliedAt)) >= duration("P18Y") and employedFor >= duration("P6M")' },
      { from: 'age', to: 'no', default: true },
    ],
  });
  const application = { birthDate: '1990-04-02', appliedAt: '2024-11-01T10:30:00+08:00', callBefore: '17:00:00', employedFor: 'P2Y3M', gracePeriod: 'P14D' };
  const r = await flow.run(application);
  assert.ok(r.status === 'completed');
  assert.equal(r.output.outcome, 'approve');
  assert.deepEqual(r.output.offer, { firstDue: '2024-11-15', call: '17:00:00' });
  await assert.rejects(flow.run({ ...application, appliedAt: '01/11/2024', employedFor: 'P14D', gracePeriod: 'P1M' }), (err: unknown) => {
    const issues = (err as FlowError).issues.map((i) => i.message);
    assert.deepEqual(issues, [
      '"appliedAt" must be a date and time written 2020-10-01T13:45:00, with an offset or zone if it has one (2020-10-01T13:45:00+08:00)',
      '"employedFor" must be a duration in years and months written P1Y6M',
      '"gracePeriod" must be a duration in days and time written P2DT3H',
    ]);
    return true;
  });
});
