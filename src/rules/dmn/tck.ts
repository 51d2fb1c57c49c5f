import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import {
  digitsOf,
  isFeelNumber,
  numbersEqual,
  parseDate,
  parseDateTime,
  parseDuration,
  parseNumber,
  parseTime,
  roundNumber,
  toDouble,
  typeName,
  valueToString,
  type FeelContext,
  type FeelNumber,
  type FeelValue,
  type Warning,
} from '../../expr/index.ts';
import { importDmn } from './import-dmn.ts';
import { linkedRuntime } from './linked-runtime.ts';
import type { DmnRuntime } from './runtime.ts';

/** One `<resultNode>` of one `<testCase>`. */
export interface TckResult {
  file: string;
  testCase: string;
  node: string;
  passed: boolean;
  /** Not run to a verdict: the case calls an external (Java or PMML) function, which Arbiter does not run. */
  skipped?: boolean;
  /** Passed only within the relative tolerance asked for, not digit for digit. */
  approximate?: boolean;
  expected: string;
  actual: string;
  error?: string;
}

type XmlNode = { [key: string]: unknown };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  isArray: (name) => ['testCase', 'inputNode', 'resultNode', 'item', 'component'].includes(name),
});

function scalar(v: unknown): FeelValue {
  if (typeof v === 'string') return v;
  const node = v as XmlNode;
  if (node['@_nil'] === 'true') return null;
  if (node.list !== undefined || node.component !== undefined) return toFeel(node);
  const text = typeof node['#text'] === 'string' ? (node['#text'] as string) : '';
  const type = String(node['@_type'] ?? '').replace(/^.*:/, '');
  switch (type) {
    case 'decimal':
    case 'double':
    case 'float':
    case 'integer':
    case 'int':
    case 'long':
    case 'short':
      return parseNumber(text.trim()) ?? text;
    case 'boolean':
      return text.trim() === 'true';
    case 'date':
      return parseDate(text.trim());
    case 'time':
      return parseTime(text.trim());
    case 'dateTime':
      return parseDateTime(text.trim());
    case 'duration':
      return parseDuration(text.trim());
    default:
      return text;
  }
}

/** An `<inputNode>`, `<expected>`, `<item>` or `<component>` element as a FEEL value. */
function toFeel(node: XmlNode): FeelValue {
  if (node['@_nil'] === 'true') return null;
  if (node.value !== undefined) return scalar(node.value);
  if (node.list !== undefined) {
    const list = node.list as XmlNode | string;
    if (typeof list === 'string' || !list) return [];
    if (list['@_nil'] === 'true') return null;
    return ((list.item as XmlNode[]) ?? []).map(toFeel);
  }
  if (node.component !== undefined) {
    const ctx: FeelContext = {};
    for (const c of node.component as XmlNode[]) ctx[String(c['@_name'])] = toFeel(c);
    return ctx;
  }
  return null;
}

/**
 * Expected values of this many significant digits or more are a longer result written out to
 * fewer places (`log(4)` as 1.38629436, a loan payment to 16 digits): the actual value matches
 * when, rounded half to even to the same decimal places, it is the value written. Shorter
 * expectations must match exactly, digit for digit, as decimal128 computes them.
 */
export const ROUNDED_EXPECTATION_DIGITS = 8;

function sameNumber(actual: FeelNumber, expected: FeelNumber, tolerance: number): boolean {
  if (numbersEqual(actual, expected)) return true;
  const written = digitsOf(expected);
  if (written.significant >= ROUNDED_EXPECTATION_DIGITS) {
    const rounded = roundNumber(actual, written.places, 'half-even');
    if (rounded !== null && numbersEqual(rounded, expected)) return true;
  }
  if (tolerance === 0) return false;
  const a = toDouble(actual);
  const e = toDouble(expected);
  return Math.abs(a - e) <= tolerance * Math.max(Math.abs(a), Math.abs(e));
}

/** An external function the runtime does not run (FEEL `external`, or a Java or PMML function definition). */
const callsExternalFunction = (warnings: Warning[]) => warnings.some((w) => w.code === 'unsupported' && /external|Java|PMML/.test(w.message));

/** Does `actual` match the expectation? Numbers digit for digit, unless `tolerance` (relative) is given. */
export function sameValue(actual: FeelValue, expected: FeelValue, tolerance = 0): boolean {
  if (expected === null) return actual === null;
  if (actual === null) return false;
  if (isFeelNumber(expected)) return isFeelNumber(actual) && sameNumber(actual, expected, tolerance);
  if (typeof expected === 'string' || typeof expected === 'boolean') return actual === expected;
  if (Array.isArray(expected))
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => sameValue(actual[i]!, e, tolerance));
  if (typeName(expected) === 'context') {
    if (typeName(actual) !== 'context') return false;
    const a = actual as FeelContext;
    const keys = Object.keys(expected);
    return keys.length === Object.keys(a).length && keys.every((k) => k in a && sameValue(a[k]!, (expected as FeelContext)[k]!, tolerance));
  }
  return typeName(actual) === typeName(expected) && valueToString(actual) === valueToString(expected);
}

function show(v: FeelValue): string {
  return v === null ? 'null' : typeof v === 'string' ? JSON.stringify(v) : valueToString(v);
}

function findTestDirs(root: string): string[] {
  const dirs: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir).sort();
    if (entries.some((e) => /-test-.*\.xml$/.test(e) || /test.*\.xml$/.test(e))) dirs.push(dir);
    for (const e of entries) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
    }
  };
  walk(root);
  return dirs;
}

/** Puts a value at a path of context entries, making the contexts on the way. */
function nestedPut(into: FeelContext, path: readonly string[], value: FeelValue): void {
  let at = into;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (next === null || next === undefined || typeof next !== 'object' || Array.isArray(next)) at[key] = {};
    at = at[key] as FeelContext;
  }
  at[path.at(-1)!] = value;
}

/** The .dmn files of a test folder, in its subfolders too (imported models may sit there). */
function dmnFiles(dir: string, under = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, under), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = under ? join(under, entry.name) : entry.name;
    if (entry.isDirectory()) out.push(...dmnFiles(dir, path));
    else if (entry.name.endsWith('.dmn')) out.push(path);
  }
  return out;
}

async function loadRuntimes(dir: string): Promise<Map<string, DmnRuntime>> {
  const models = [];
  for (const f of dmnFiles(dir)) models.push({ file: f, model: await importDmn(readFileSync(join(dir, f), 'utf8')) });
  const all = models.map((m) => m.model);
  return new Map(models.map(({ file, model }) => [file, linkedRuntime(model, all, { skipMissing: true })]));
}

/**
 * Runs every TCK test file found under `root`; one result per `<resultNode>`. Numbers must match
 * digit for digit; `tolerance` (relative, 0 by default) also passes, marked approximate, a number
 * that differs by at most that much, as some published runners allow.
 */
export async function runTck(root: string, options: { tolerance?: number } = {}): Promise<TckResult[]> {
  const tolerance = options.tolerance ?? 0;
  const results: TckResult[] = [];
  for (const dir of findTestDirs(root)) {
    let runtimes: Map<string, DmnRuntime>;
    const testFiles = readdirSync(dir)
      .filter((f) => f.endsWith('.xml') && /test/.test(f))
      .sort();
    let loadError: string | null = null;
    try {
      runtimes = await loadRuntimes(dir);
    } catch (err) {
      runtimes = new Map();
      loadError = (err as Error).message;
    }
    for (const tf of testFiles) {
      const file = relative(root, join(dir, tf));
      const doc = parser.parse(readFileSync(join(dir, tf), 'utf8')) as XmlNode;
      const testCases = (doc.testCases ?? {}) as XmlNode;
      const modelName = String(testCases.modelName ?? '').trim();
      const runtime = runtimes.get(modelName) ?? runtimes.get(basename(modelName)) ?? [...runtimes.values()][0];
      for (const tc of (testCases.testCase as XmlNode[]) ?? []) {
        const id = String(tc['@_id'] ?? '');
        const inputs: FeelContext = {};
        for (const input of (tc.inputNode as XmlNode[]) ?? []) {
          const name = String(input['@_name']);
          const namespace = input['@_namespace'] as string | undefined;
          // An input of an imported model (named by its namespace) is given wherever that model is imported.
          const imported = namespace && runtime ? runtime.importPaths(namespace) : [];
          // Or named by its import path, as FEEL reads it: "i.i.input_001" is input_001 of what i imports as i.
          const dotted = !namespace && runtime ? runtime.importedInputPath(name) : null;
          if (dotted) nestedPut(inputs, dotted, toFeel(input));
          else for (const path of imported.length ? imported : [[]]) nestedPut(inputs, [...path, name], toFeel(input));
        }
        const type = String(tc['@_type'] ?? 'decision');
        const invocable = tc['@_invocableName'] as string | undefined;
        for (const rn of (tc.resultNode as XmlNode[]) ?? []) {
          const nodeName = String(rn['@_name']);
          const expectedNode = rn.expected as XmlNode | undefined;
          const expected = expectedNode ? toFeel(expectedNode) : null;
          const base = { file, testCase: id, node: nodeName, expected: show(expected) };
          if (!runtime) {
            results.push({ ...base, passed: false, actual: 'no model', error: loadError ?? `model ${modelName} not found` });
            continue;
          }
          try {
            // A result node may name a decision service or a knowledge model itself (type="decisionService"),
            // in a test case that names no invocable: it is invoked with the test case's inputs.
            const nodeType = String(rn['@_type'] ?? 'decision');
            const decides = type === 'decision' && (nodeType === 'decision' || runtime.model.decisions.has(nodeName));
            const r = decides
              ? runtime.evaluateDecision(invocable && !runtime.model.decisions.has(nodeName) ? invocable : nodeName, inputs)
              : runtime.invoke(invocable ?? nodeName, inputs);
            const errorExpected = rn['@_errorResult'] === 'true';
            const exact = errorExpected ? r.value === null : sameValue(r.value, expected);
            const approximate = !exact && tolerance > 0 && !errorExpected && sameValue(r.value, expected, tolerance);
            const passed = exact || approximate;
            const skipped = !passed && callsExternalFunction(r.warnings);
            results.push({
              ...base,
              passed,
              ...(skipped ? { skipped } : {}),
              ...(approximate ? { approximate } : {}),
              actual: show(r.value),
              error:
                passed || r.warnings.length === 0
                  ? undefined
                  : r.warnings
                      .slice(0, 3)
                      .map((w) => w.message)
                      .join('; '),
            });
          } catch (err) {
            results.push({ ...base, passed: false, actual: 'error', error: (err as Error).message });
          }
        }
      }
    }
  }
  return results;
}
