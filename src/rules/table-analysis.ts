import { Env, compileTests, parseUnaryTests, toDouble, type FeelValue, type Node } from '../expr/index.ts';
import type { CompiledTable } from './decision-table.ts';

export interface Gap {
  /** An input no rule matches. */
  example: FeelValue[];
}

export interface Overlap {
  /** Rule numbers, 1-based. */
  rules: [number, number];
  /** An input both rules match. */
  example: FeelValue[];
}

export interface TableAnalysis {
  gaps: Gap[];
  overlaps: Overlap[];
  /** Columns whose entries use expressions the analysis cannot enumerate (other variables, functions). */
  unanalysedColumns: number[];
  /** True when gaps were cut off at the limit. */
  truncated: boolean;
}

const OTHER_STRING = '<any other value>';

/** The literal values a column's entries compare against: the edges of every region that matters. */
function literals(nodes: Node[], out: { numbers: Set<number>; strings: Set<string>; booleans: boolean; analysable: boolean }): void {
  for (const n of nodes) {
    switch (n.t) {
      case 'any':
        break;
      case 'num':
        out.numbers.add(toDouble(n.v));
        break;
      case 'str':
        out.strings.add(n.v);
        break;
      case 'bool':
        out.booleans = true;
        break;
      case 'unarycmp':
        if (n.e.t === 'num') out.numbers.add(toDouble(n.e.v));
        else if (n.e.t === 'str') out.strings.add(n.e.v);
        else out.analysable = false;
        break;
      case 'range':
        for (const e of [n.start, n.end]) {
          if (e === null) continue;
          if (e.t === 'num') out.numbers.add(toDouble(e.v));
          else if (e.t === 'str') out.strings.add(e.v);
          else out.analysable = false;
        }
        break;
      case 'nottests':
        literals(n.tests, out);
        break;
      case 'null':
        break;
      default:
        out.analysable = false;
    }
  }
}

/** One representative value per region between consecutive boundaries, and the boundaries themselves. */
function numberCandidates(bounds: number[]): number[] {
  const sorted = [...new Set(bounds)].sort((a, b) => a - b);
  if (sorted.length === 0) return [0];
  const out: number[] = [sorted[0]! - 1];
  for (let i = 0; i < sorted.length; i++) {
    out.push(sorted[i]!);
    out.push(i + 1 < sorted.length ? (sorted[i]! + sorted[i + 1]!) / 2 : sorted[i]! + 1);
  }
  return out;
}

/**
 * Finds inputs no rule matches and pairs of rules that match the same input, by splitting
 * each column into the regions its entries distinguish and searching those, column by
 * column, with the set of rules still alive.
 */
export function analyseTable(table: CompiledTable, options: { maxGaps?: number; inputValues?: FeelValue[][] } = {}): TableAnalysis {
  const maxGaps = options.maxGaps ?? 20;
  const def = table.definition;
  const env = Env.root({});
  const nCols = def.inputs.length;
  const nRules = table.entryNodes.length;
  const unanalysed: number[] = [];

  const candidates: FeelValue[][] = [];
  for (let c = 0; c < nCols; c++) {
    const info = { numbers: new Set<number>(), strings: new Set<string>(), booleans: false, analysable: true };
    for (const rule of table.entryNodes) literals(rule[c]!, info);
    const allowed = def.inputs[c]!.inputValues;
    if (allowed) literals(parseUnaryTests(allowed), info);
    if (!info.analysable) unanalysed.push(c);
    const values: FeelValue[] = [];
    if (info.numbers.size) values.push(...numberCandidates([...info.numbers]));
    if (info.strings.size) {
      values.push(...info.strings);
      if (!def.inputs[c]!.inputValues) values.push(OTHER_STRING);
    }
    if (info.booleans) values.push(true, false);
    if (values.length === 0) values.push(null);
    candidates.push(options.inputValues?.[c] ?? values);
  }

  // matches[c][k] = bitset (as boolean[]) of rules whose entry in column c accepts candidate k
  const tests = table.entryNodes.map((rule) => rule.map((nodes) => (nodes.length === 1 && nodes[0]!.t === 'any' ? null : compileTests(nodes))));
  const matches: boolean[][][] = candidates.map((values, c) =>
    // An entry the analysis cannot enumerate is assumed to match, so it never reports a false gap.
    values.map((v) => tests.map((rule) => unanalysed.includes(c) || rule[c] === null || rule[c]!(v, env) === true)),
  );

  const overlaps: Overlap[] = [];
  for (let a = 0; a < nRules; a++) {
    for (let b = a + 1; b < nRules; b++) {
      const example: FeelValue[] = [];
      let ok = true;
      for (let c = 0; c < nCols && ok; c++) {
        const k = matches[c]!.findIndex((m) => m[a] && m[b]);
        if (k < 0) ok = false;
        else example.push(candidates[c]![k]!);
      }
      if (ok) overlaps.push({ rules: [a + 1, b + 1], example });
    }
  }

  const gaps: Gap[] = [];
  let truncated = false;
  const prefix: FeelValue[] = [];
  const search = (c: number, alive: boolean[]): void => {
    if (gaps.length >= maxGaps) {
      truncated = true;
      return;
    }
    if (!alive.some(Boolean)) {
      gaps.push({ example: [...prefix, ...candidates.slice(c).map((vals) => vals[0]!)] });
      return;
    }
    if (c === nCols) return;
    // Candidates that keep the same rules alive lead to the same answers: try one of each.
    const seen = new Set<string>();
    for (let k = 0; k < candidates[c]!.length; k++) {
      const next = alive.map((x, r) => x && matches[c]![k]![r]!);
      const key = next.map((x) => (x ? 1 : 0)).join('');
      if (seen.has(key)) continue;
      seen.add(key);
      prefix.push(candidates[c]![k]!);
      search(c + 1, next);
      prefix.pop();
      if (gaps.length >= maxGaps) {
        truncated = true;
        return;
      }
    }
  };
  if (nRules > 0 || nCols > 0) search(0, new Array(nRules).fill(true));
  return { gaps, overlaps, unanalysedColumns: unanalysed, truncated };
}
