import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseDate, parseDateTime, parseDuration, parseTime, typeName, valueToString, type FeelContext, type FeelValue } from '../../expr/index.ts';
import { importDmn } from './import-dmn.ts';
import { DmnRuntime } from './runtime.ts';

/** One `<resultNode>` of one `<testCase>`. */
export interface TckResult {
  file: string;
  testCase: string;
  node: string;
  passed: boolean;
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
      return Number(text.trim());
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
 * Numbers agree within one part in 10^12: Arbiter computes in IEEE doubles (about 16
 * digits), the TCK's expectations come from 34-digit decimal arithmetic.
 */
export const NUMBER_TOLERANCE = 1e-12;

function sameNumber(a: number, e: number): boolean {
  return a === e || Math.abs(a - e) <= NUMBER_TOLERANCE * Math.max(Math.abs(a), Math.abs(e));
}

export function sameValue(actual: FeelValue, expected: FeelValue): boolean {
  if (expected === null) return actual === null;
  if (actual === null) return false;
  if (typeof expected === 'number') return typeof actual === 'number' && sameNumber(actual, expected);
  if (typeof expected === 'string' || typeof expected === 'boolean') return actual === expected;
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => sameValue(actual[i]!, e));
  if (typeName(expected) === 'context') {
    if (typeName(actual) !== 'context') return false;
    const a = actual as FeelContext;
    const keys = Object.keys(expected);
    return keys.length === Object.keys(a).length && keys.every((k) => k in a && sameValue(a[k]!, (expected as FeelContext)[k]!));
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

async function loadRuntimes(dir: string): Promise<Map<string, DmnRuntime>> {
  const runtimes = new Map<string, DmnRuntime>();
  const models = [];
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.dmn'))
    .sort()) {
    models.push({ file: f, model: await importDmn(readFileSync(join(dir, f), 'utf8')) });
  }
  const byNamespace = new Map(models.map((m) => [m.model.namespace, m.model]));
  for (const { file, model } of models) {
    const imports = new Map<string, DmnRuntime>();
    for (const i of model.imports) {
      const imported = byNamespace.get(i.namespace);
      if (imported) imports.set(i.name, new DmnRuntime(imported));
    }
    runtimes.set(file, new DmnRuntime(model, imports));
  }
  return runtimes;
}

/** Runs every TCK test file found under `root`; one result per `<resultNode>`. */
export async function runTck(root: string): Promise<TckResult[]> {
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
        for (const input of (tc.inputNode as XmlNode[]) ?? []) inputs[String(input['@_name'])] = toFeel(input);
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
            const r =
              type === 'decision'
                ? runtime.evaluateDecision(invocable && !runtime.model.decisions.has(nodeName) ? invocable : nodeName, inputs)
                : runtime.invoke(invocable ?? nodeName, inputs);
            const errorExpected = rn['@_errorResult'] === 'true';
            const passed = errorExpected ? r.value === null : sameValue(r.value, expected);
            results.push({
              ...base,
              passed,
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
