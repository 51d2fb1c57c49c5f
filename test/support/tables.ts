import { readFileSync } from 'node:fs';
import type { FeelContext } from '../../src/expr/index.ts';
import type { DecisionTableDefinition } from '../../src/rules/index.ts';

/** Decision tables and generated applications for the tests of table formats (DMN, spreadsheets). */
/** The demo flow's decision tables, by node id. */
export function demoTables(): { name: string; table: DecisionTableDefinition }[] {
  const demo = JSON.parse(readFileSync('examples/flows/consumer-lending.json', 'utf8')) as {
    nodes: { id: string; kind: string; table?: DecisionTableDefinition }[];
  };
  return demo.nodes.filter((n) => n.kind === 'table' && n.table).map((n) => ({ name: n.id, table: n.table! }));
}

/** Tables that use what the demo's do not: every hit policy family, aggregation, defaults, annotations, text that XML must escape. */
export const craftedTables: { name: string; table: DecisionTableDefinition }[] = [
  {
    name: 'points',
    table: {
      hitPolicy: 'COLLECT',
      aggregation: 'SUM',
      inputs: [
        { expression: 'bureauScore', label: 'Bureau score' },
        { expression: 'channel', inputValues: '"online", "branch", "partner"' },
      ],
      outputs: [{ name: 'points' }],
      rules: [
        { inputEntries: ['>= 700', '-'], outputEntries: ['30'], annotation: 'good file & "clean" <history>' },
        { inputEntries: ['[600..700)', '-'], outputEntries: ['15'] },
        { inputEntries: ['-', '"online"'], outputEntries: ['5'], annotation: 'digital' },
        { inputEntries: ['< 600', 'not("partner")'], outputEntries: ['-10'] },
      ],
    },
  },
  {
    name: 'limits',
    table: {
      hitPolicy: 'PRIORITY',
      // Typed columns: they go to DMN and to XLSX and back with their types.
      inputs: [
        { expression: 'income * 12', typeRef: 'number' },
        { expression: 'product', typeRef: 'string' },
      ],
      outputs: [
        { name: 'tier', outputValues: '"high", "mid", "low"', defaultOutput: '"low"', typeRef: 'string' },
        { name: 'multiple', defaultOutput: '0.5', typeRef: 'number' },
      ],
      rules: [
        { inputEntries: ['> 100000', '"personal", "card"'], outputEntries: ['"high"', '3'] },
        { inputEntries: ['> 40000', '-'], outputEntries: ['"mid"', '2'] },
        { inputEntries: ['> 60000', '"card"'], outputEntries: ['"low"', '1'] },
      ],
    },
  },
  {
    name: 'flags',
    table: {
      hitPolicy: 'RULE ORDER',
      inputs: [{ expression: 'dti' }, { expression: 'age' }],
      outputs: [{ name: 'flag' }],
      rules: [
        { inputEntries: ['> 0.45', '-'], outputEntries: ['"HIGH_DTI"'] },
        { inputEntries: ['-', '< 21, > 70'], outputEntries: ['"AGE"'] },
        { inputEntries: ['null', '-'], outputEntries: ['"NO_DTI"'] },
      ],
    },
  },
];

/** The names a table reads, as the flow layer would give them. */
export const TABLE_NAMES = [
  'bureauScore',
  'dti',
  'channel',
  'income',
  'product',
  'age',
  'segment',
  'annualIncome',
  'requestedAmount',
  'businessRevenue',
  'yearsTrading',
];

export function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An application with the values tables branch on, edges and nulls included. */
export function randomInputs(rand: () => number): FeelContext {
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const num = (lo: number, hi: number) => (rand() < 0.04 ? null : Math.round((lo + rand() * (hi - lo)) * 100) / 100);
  return {
    bureauScore: rand() < 0.1 ? pick([560, 600, 640, 700, 720]) : num(450, 850),
    dti: num(0, 0.9),
    channel: pick(['online', 'branch', 'partner', null]),
    income: num(500, 15000),
    product: pick(['personal', 'card', 'sme', null]),
    age: num(16, 90),
    segment: pick(['new', 'existing', 'premier']),
    annualIncome: num(0, 200000),
    requestedAmount: num(500, 80000),
    businessRevenue: num(0, 2000000),
    yearsTrading: num(0, 30),
  } as FeelContext;
}
