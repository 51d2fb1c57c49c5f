/**
 * Rule-engine benchmark: one credit-policy decision table and one set of FEEL expressions,
 * evaluated by Arbiter and by the engines people use today, on the same generated applicants,
 * checking that every engine gives the same output for every applicant.
 *
 *   npm run bench:rules [-- --applicants N]
 */
import { performance } from 'node:perf_hooks';
import { ZenEngine, evaluateExpressionSync } from '@gorules/zen-engine';
import { evaluate as feelinEvaluate, unaryTest as feelinUnaryTest } from 'feelin';
import { Engine as JsonRulesEngine } from 'json-rules-engine';
import { compileExpression, toJson, type FeelValue } from '../src/expr/index.ts';
import { compileDecisionTable } from '../src/rules/index.ts';
import { POLICY_INPUTS, applicants, cellToFeel, cellToJre, creditPolicy, type Applicant } from './rules/credit-policy.ts';
import { EXPRESSIONS } from './rules/feel-expressions.ts';
import { benchArg } from './bench-args.ts';

const N = benchArg('applicants', 20000);
const MIN_SECONDS = 1;

interface Outcome {
  decision: string;
  rate: number;
}

/** Runs `once` over the inputs until at least MIN_SECONDS have passed; evaluations per second. */
async function measure(inputs: number, once: () => void | Promise<void>): Promise<number> {
  await once(); // warm-up: JIT, caches, lazy compilation
  let rounds = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    await once();
    rounds++;
    elapsed = (performance.now() - start) / 1000;
  } while (elapsed < MIN_SECONDS);
  return (rounds * inputs) / elapsed;
}

function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US').padStart(12);
}

const people = applicants(N);
const rules = creditPolicy();
console.log(
  `rules benchmark: ${rules.length} rules x ${POLICY_INPUTS.length} inputs (FIRST), ${EXPRESSIONS.length} FEEL expressions, ${N} applicants (seed 42)`,
);

// ---------------- Arbiter ----------------
const table = compileDecisionTable({
  hitPolicy: 'FIRST',
  inputs: POLICY_INPUTS.map((name) => ({ expression: name })),
  outputs: [{ name: 'decision' }, { name: 'rate' }],
  rules: rules.map((r) => ({ inputEntries: r.cells.map(cellToFeel), outputEntries: [JSON.stringify(r.decision), String(r.rate)] })),
});
const arbiterTable = (a: Applicant): Outcome => table.evaluate(a as unknown as Record<string, FeelValue>).value as unknown as Outcome;

// ---------------- Zen ----------------
const zen = new ZenEngine();
const zenDecision = zen.createDecision({
  nodes: [
    { id: 'in', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 }, content: { schema: '' } },
    {
      id: 'table',
      type: 'decisionTableNode',
      name: 'Credit policy',
      position: { x: 200, y: 0 },
      content: {
        hitPolicy: 'first',
        inputs: POLICY_INPUTS.map((name, i) => ({ id: `i${i}`, name, field: name })),
        outputs: [
          { id: 'o0', name: 'decision', field: 'decision' },
          { id: 'o1', name: 'rate', field: 'rate' },
        ],
        rules: rules.map((r, k) => {
          const row: Record<string, string> = { _id: `r${k}`, o0: JSON.stringify(r.decision), o1: String(r.rate) };
          r.cells.forEach((c, i) => (row[`i${i}`] = 'any' in c ? '' : cellToFeel(c)));
          return row;
        }),
      },
    },
    { id: 'out', type: 'outputNode', name: 'Response', position: { x: 400, y: 0 }, content: { schema: '' } },
  ],
  edges: [
    { id: 'e1', sourceId: 'in', targetId: 'table', type: 'edge' },
    { id: 'e2', sourceId: 'table', targetId: 'out', type: 'edge' },
  ],
});

// ---------------- json-rules-engine ----------------
const jre = new JsonRulesEngine([], { allowUndefinedFacts: true });
rules.forEach((r, k) => {
  const all = r.cells.flatMap((c, i) => cellToJre(POLICY_INPUTS[i]!, c));
  // The catch-all rule has no conditions; json-rules-engine needs one that always holds.
  if (all.length === 0) all.push({ fact: 'age', operator: 'greaterThanInclusive', value: -1 });
  jre.addRule({ conditions: { all }, event: { type: 'outcome', params: { index: k, decision: r.decision, rate: r.rate } }, priority: 1 });
});
async function jreTable(a: Applicant): Promise<Outcome> {
  const { events } = await jre.run({ ...a });
  // FIRST hit policy: the lowest-numbered rule that matched.
  const first = events.reduce<{ params?: Record<string, unknown> } | null>(
    (best, e) => (!best || (e.params!.index as number) < (best.params!.index as number) ? e : best),
    null,
  );
  return { decision: first!.params!.decision as string, rate: first!.params!.rate as number };
}

// ---------------- feelin (a FEEL interpreter; the table as a loop of unary tests) ----------------
const feelCells = rules.map((r) => r.cells.map((c) => ('any' in c ? null : cellToFeel(c))));
function feelinTable(a: Applicant): Outcome {
  const context = a as unknown as Record<string, unknown>;
  for (let k = 0; k < feelCells.length; k++) {
    const cells = feelCells[k]!;
    let ok = true;
    for (let i = 0; i < cells.length && ok; i++) {
      const cell = cells[i];
      if (cell !== null) ok = feelinUnaryTest(cell, { ...context, '?': context[POLICY_INPUTS[i]!] }).value === true;
    }
    if (ok) return { decision: rules[k]!.decision, rate: rules[k]!.rate };
  }
  throw new Error('no rule matched');
}

// ---------------- agreement ----------------
const JRE_SAMPLE = Math.min(N, 2000);
const FEELIN_SAMPLE = Math.min(N, 2000);
let disagreements = 0;
const zenOutcomes = await Promise.all(people.map((a) => zenDecision.evaluate(a).then((r) => r.result as Outcome)));
for (let i = 0; i < N; i++) {
  const mine = arbiterTable(people[i]!);
  const others: [string, Outcome][] = [['zen', zenOutcomes[i]!]];
  if (i < JRE_SAMPLE) others.push(['json-rules-engine', await jreTable(people[i]!)]);
  if (i < FEELIN_SAMPLE) others.push(['feelin', feelinTable(people[i]!)]);
  for (const [name, o] of others) {
    if (o.decision !== mine.decision || !same(o.rate, mine.rate)) {
      if (disagreements++ < 5)
        console.log(`DISAGREE table #${i} ${name}: ${JSON.stringify(o)} vs arbiter ${JSON.stringify(mine)} for ${JSON.stringify(people[i])}`);
    }
  }
}
const compiledExpressions = EXPRESSIONS.map((e) => compileExpression(e.feel));
for (let i = 0; i < N; i++) {
  const a = people[i]! as unknown as Record<string, FeelValue>;
  EXPRESSIONS.forEach((e, k) => {
    // Arbiter's exact decimals leave the engine as the nearest double, as the others' numbers are.
    const mine = toJson(compiledExpressions[k]!.evaluate(a).value);
    const z = evaluateExpressionSync(e.zen, a);
    const f = i < FEELIN_SAMPLE ? feelinEvaluate(e.feel, a).value : mine;
    if (!same(mine, z) || !same(mine, f)) {
      if (disagreements++ < 10) console.log(`DISAGREE expression "${e.name}" #${i}: arbiter ${mine} zen ${z} feelin ${f}`);
    }
  });
}
console.log(
  `agreement: table on ${N} applicants (json-rules-engine and feelin on the first ${JRE_SAMPLE}), expressions on ${N}: ${disagreements} disagreements`,
);

// ---------------- speed ----------------
const tableRates: [string, number][] = [];
tableRates.push([
  'arbiter',
  await measure(N, () => {
    for (const a of people) arbiterTable(a);
  }),
]);
const zenSequential = await measure(N, async () => {
  for (const a of people) await zenDecision.evaluate(a);
});
const zenConcurrent = await measure(N, async () => {
  for (let i = 0; i < N; i += 1000) await Promise.all(people.slice(i, i + 1000).map((a) => zenDecision.evaluate(a)));
});
tableRates.push([`zen (best of sequential ${fmt(zenSequential).trim()}/s, concurrent ${fmt(zenConcurrent).trim()}/s)`, Math.max(zenSequential, zenConcurrent)]);
const jrePeople = people.slice(0, JRE_SAMPLE);
tableRates.push([
  'json-rules-engine',
  await measure(JRE_SAMPLE, async () => {
    for (const a of jrePeople) await jreTable(a);
  }),
]);
const feelinPeople = people.slice(0, FEELIN_SAMPLE);
tableRates.push([
  'feelin (unary tests in a FIRST loop)',
  await measure(FEELIN_SAMPLE, () => {
    for (const a of feelinPeople) feelinTable(a);
  }),
]);

const exprRates: [string, number][] = [];
const exprInputs = people as unknown as Record<string, FeelValue>[];
exprRates.push([
  'arbiter',
  (await measure(N, () => {
    for (const a of exprInputs) for (const c of compiledExpressions) c.evaluate(a);
  })) * EXPRESSIONS.length,
]);
exprRates.push([
  'zen (evaluateExpressionSync)',
  (await measure(N, () => {
    for (const a of exprInputs) for (const e of EXPRESSIONS) evaluateExpressionSync(e.zen, a);
  })) * EXPRESSIONS.length,
]);
const feelinInputs = exprInputs.slice(0, FEELIN_SAMPLE);
exprRates.push([
  'feelin',
  (await measure(FEELIN_SAMPLE, () => {
    for (const a of feelinInputs) for (const e of EXPRESSIONS) feelinEvaluate(e.feel, a);
  })) * EXPRESSIONS.length,
]);

function report(title: string, rates: [string, number][], unit: string): void {
  console.log(`\n${title} (${unit} per second)`);
  const mine = rates[0]![1];
  for (const [name, rate] of rates) {
    console.log(`  ${fmt(rate)}  ${name}${name === 'arbiter' ? '' : `   arbiter is ${(mine / rate).toFixed(1)}x`}`);
  }
}
report('decision table', tableRates, 'table evaluations');
report('FEEL expressions', exprRates, 'expression evaluations');
zen.dispose();
if (disagreements > 0) {
  console.log(`\n${disagreements} disagreements: the engines do not compute the same thing`);
  process.exitCode = 1;
}
