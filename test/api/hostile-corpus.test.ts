import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseResponse } from '../../src/connectors/parse-response.ts';
import { compileFlow, parseFlow } from '../../src/flow/index.ts';
import { readCsv } from '../../src/models/index.ts';
import { importDmn } from '../../src/rules/index.ts';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { demoFlow, publishDemoFlow } from '../support/flows.ts';
import { useApiFixture } from '../support/server.ts';

/**
 * Corpora of known-bad inputs, one per parser a user's file or a third party's answer reaches.
 * Each case must end, within LIMIT_MS and without the heap growing past LIMIT_HEAP, in a result
 * or in a typed error whose message says what is wrong: never a crash, a hang or a stack overflow
 * escaping as a RangeError.
 */
/** A hang guard, not a speed target: far above what a case takes, so a loaded machine does not fail it. */
const LIMIT_MS = 30_000;
const LIMIT_HEAP = 256 * 1024 * 1024;

const DMN = 'xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"';
const laughs = (levels: number) => {
  let entities = '<!ENTITY lol0 "lol">';
  for (let i = 1; i < levels; i++) entities += `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  return `<?xml version="1.0"?><!DOCTYPE lolz [${entities}]><definitions ${DMN} id="d" name="&lol${levels - 1};" namespace="x"/>`;
};
const table = (rules: string) =>
  `<definitions ${DMN} id="d" name="d" namespace="x"><decision id="t" name="t"><decisionTable id="dt" hitPolicy="UNIQUE"><input id="i" label="age"><inputExpression id="ie" typeRef="number"><text>age</text></inputExpression></input><output id="o" name="r" typeRef="string"/>${rules}</decisionTable></decision></definitions>`;
const rule = (entry: string, out = '"ok"') =>
  `<rule id="r${Math.random().toString(36).slice(2)}"><inputEntry><text>${entry}</text></inputEntry><outputEntry><text>${out}</text></outputEntry></rule>`;

const dmnCorpus: [string, string][] = [
  ['billion laughs, 10 levels', laughs(10)],
  ['external entity (XXE)', `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><definitions ${DMN} id="d" name="&x;" namespace="x"/>`],
  [
    'parameter entity',
    `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p;]><definitions ${DMN} id="d" name="d" namespace="x"/>`,
  ],
  ['a 20 MB attribute', `<definitions ${DMN} id="d" name="${'A'.repeat(20_000_000)}" namespace="x"/>`],
  [
    '100,000 nested elements',
    `<definitions ${DMN} id="d" name="d" namespace="x">${'<extensionElements>'.repeat(100_000)}${'</extensionElements>'.repeat(100_000)}</definitions>`,
  ],
  ['unclosed root', `<definitions ${DMN} id="d"`],
  ['binary garbage', '\u0000\u0001\u0002\uFFFD'.repeat(10_000)],
  ['empty', ''],
  ['not DMN', '<html><body>hello</body></html>'],
  ['a table with a FEEL syntax error in a cell', table(rule('> 18 and and <'))],
  ['a table with a huge range in a cell', table(rule('[1..1000000000000]'))],
  ['a table with 20,000 rules', table(Array.from({ length: 20_000 }, (_, i) => rule(`${i}`)).join(''))],
  ['a table whose cell nests 5,000 parentheses', table(rule(`${'('.repeat(5000)}1${')'.repeat(5000)}`))],
];

const csvCorpus: [string, string][] = [
  ['ragged rows', 'a,b,c\n1,2,3\n4,5\n'],
  ['an unclosed quote', 'a,b\n"1,2\n3,4\n'],
  ['a 10 MB field', `a,b\n${'x'.repeat(10_000_000)},1\n`],
  ['NUL bytes', 'a,b\n\u0000,\u0000\n'],
  ['a byte-order mark and CRLF', '\uFEFFa,b\r\n1,2\r\n'],
  ['header only', 'a,b,c\n'],
  ['empty', ''],
  ['20,000 columns', `${Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',')}\n${Array.from({ length: 20_000 }, () => '1').join(',')}\n`],
  ['duplicate column names', 'a,a\n1,2\n'],
  ['formula injection', "a,b\n=cmd|' /C calc'!A0,1\n"],
];

const base = demoFlow() as { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] } & Record<string, unknown>;
function chain(n: number) {
  const nodes = [
    { id: 'in', kind: 'input' },
    ...Array.from({ length: n }, (_, i) => ({ id: `e${i}`, kind: 'expression', assign: { [`v${i}`]: `${i} + 1` } })),
    { id: 'out', kind: 'output', outcome: 'approve' },
  ];
  const ids = nodes.map((x) => x.id);
  return { ...base, id: 'chain', name: 'chain', nodes, edges: ids.slice(1).map((to, i) => ({ from: ids[i]!, to })) };
}
const flowCorpus: [string, unknown][] = [
  ['not an object', 'flow'],
  ['no nodes', { ...base, nodes: [] }],
  ['an unknown node kind', { ...base, nodes: [...base.nodes, { id: 'x', kind: 'teleport' }] }],
  ['a cycle', { ...base, edges: [...base.edges, { from: String(base.edges.at(-1)!.to), to: String(base.edges[0]!.from) }] }],
  ['an edge to nowhere', { ...base, edges: [...base.edges, { from: String(base.edges[0]!.from), to: 'nowhere' }] }],
  ['a FEEL expression with a syntax error', { ...base, nodes: base.nodes.map((n) => (n.kind === 'expression' ? { ...n, expression: 'a +* b' } : n)) }],
  [
    'a FEEL expression nested 10,000 deep',
    { ...base, nodes: base.nodes.map((n) => (n.kind === 'expression' ? { ...n, expression: `${'('.repeat(10_000)}1${')'.repeat(10_000)}` } : n)) },
  ],
  ['a chain of 5,000 nodes', chain(5000)],
  ['__proto__ keys', JSON.parse(`{"id":"p","name":"p","__proto__":{"polluted":true},"nodes":[],"edges":[]}`)],
];

const bureauCorpus: [string, 'json' | 'xml', string][] = [
  ['JSON nested 100,000 deep', 'json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ['JSON with __proto__', 'json', '{"__proto__":{"polluted":true},"score":1}'],
  ['JSON number 1e400', 'json', '{"score":1e400}'],
  ['truncated JSON', 'json', '{"score":'],
  ['XML billion laughs', 'xml', laughs(10).replace(/definitions/g, 'Report')],
  ['XML nested 100,000 deep', 'xml', `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`],
  ['XML with 100,000 attributes', 'xml', `<Report ${Array.from({ length: 100_000 }, (_, i) => `a${i}="1"`).join(' ')}/>`],
  ['XML with CDATA and a processing instruction', 'xml', '<?pi x?><Report><![CDATA[<script>]]></Report>'],
  ['XML with mismatched tags', 'xml', '<Report><Score>1</Report></Score>'],
];

/** Runs one case: it must settle in time, within the memory bound, as a value or a typed error with a message. */
async function bounded(what: string, run: () => unknown | Promise<unknown>): Promise<'accepted' | 'refused'> {
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  let outcome: 'accepted' | 'refused';
  try {
    await run();
    outcome = 'accepted';
  } catch (err) {
    assert.ok(err instanceof Error, `${what}: threw a non-error ${String(err)}`);
    assert.ok(!(err instanceof RangeError), `${what}: a RangeError escaped (${err.message})`);
    assert.ok(err.message.length > 10 && err.message.length < 2000, `${what}: unclear message "${err.message.slice(0, 200)}"`);
    outcome = 'refused';
  }
  const ms = performance.now() - started;
  assert.ok(ms < LIMIT_MS, `${what}: took ${Math.round(ms)} ms`);
  assert.ok(process.memoryUsage().heapUsed - heapBefore < LIMIT_HEAP, `${what}: heap grew by more than ${LIMIT_HEAP / 1048576} MB`);
  return outcome;
}

function tally(kind: string, outcomes: string[]) {
  console.log(
    `${kind}: ${outcomes.length} cases, ${outcomes.filter((o) => o === 'refused').length} refused with a typed error, ${outcomes.filter((o) => o === 'accepted').length} accepted; none crashed, hung or overflowed the stack`,
  );
}

test('hostile DMN files: entities, huge attributes, deep nesting, bad FEEL are refused or read, bounded', async () => {
  const outcomes = [];
  for (const [what, xml] of dmnCorpus) outcomes.push(await bounded(`DMN ${what}`, () => importDmn(xml)));
  // The ones that must be refused are.
  for (const i of [0, 1, 2, 5, 6, 7, 8]) assert.equal(outcomes[i], 'refused', dmnCorpus[i]![0]);
  tally('DMN', outcomes);
});

test('hostile CSV files: ragged, unclosed, huge, binary are refused with the line, or read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-hostile-csv-'));
  const outcomes = [];
  for (const [i, [what, text]] of csvCorpus.entries()) {
    const file = join(dir, `${i}.csv`);
    writeFileSync(file, text);
    outcomes.push(await bounded(`CSV ${what}`, () => readCsv(file)));
  }
  for (const i of [0, 1, 6, 8]) assert.equal(outcomes[i], 'refused', csvCorpus[i]![0]);
  tally('CSV', outcomes);
});

test('hostile flow definitions: cycles, unknown kinds, deep FEEL, huge chains, __proto__ are refused or compiled, bounded', async () => {
  const outcomes = [];
  for (const [what, definition] of flowCorpus) outcomes.push(await bounded(`flow ${what}`, () => compileFlow(parseFlow(definition))));
  for (const i of [0, 1, 2, 3, 4, 5, 6, 8]) assert.equal(outcomes[i], 'refused', flowCorpus[i]![0]);
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype was polluted');
  tally('flow definitions', outcomes);
});

test('hostile bureau responses: deep, huge, entity-laden, malformed are malformed failures, bounded', async () => {
  const outcomes = [];
  for (const [what, format, body] of bureauCorpus) outcomes.push(await bounded(`bureau ${what}`, () => parseResponse(format, body)));
  for (const i of [0, 3, 4, 5, 8]) assert.equal(outcomes[i], 'refused', bureauCorpus[i]![0]);
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype was polluted');
  tally('bureau responses', outcomes);
});

for (const backend of SERVER_BACKENDS) {
  describe('hostile corpora through the API', () => {
    const f = useApiFixture(backend, (fx) => publishDemoFlow(fx.ctx.db));

    test('flow definitions and back-test CSVs from the corpora get a 4xx with a message, never a 5xx', async () => {
      const counts: Record<number, number> = {};
      const check = async (what: string, url: string, payload: object) => {
        const res = await f.call('risk-manager', 'POST', url, payload);
        counts[res.statusCode] = (counts[res.statusCode] ?? 0) + 1;
        assert.ok(res.statusCode < 500, `${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
        if (res.statusCode >= 400) assert.ok(String(res.json().error?.message ?? '').length > 0, what);
      };
      for (const [what, definition] of flowCorpus) await check(`flow ${what}`, '/v1/flows', { definition });
      for (const [what, csv] of csvCorpus)
        await check(`back-test CSV ${what}`, '/v1/backtests', { candidate: { flow: 'consumer-lending', version: 1 }, csv, outcome: { column: 'b', bad: '1' } });
      console.log(`API: ${flowCorpus.length + csvCorpus.length} corpus requests answered ${JSON.stringify(counts)}`);
    });
  });
}
