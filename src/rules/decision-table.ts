import {
  Env,
  compareValues,
  compileNode,
  compileTests,
  feelEquals,
  parseExpression,
  parseUnaryTests,
  BUILTIN_NAMES,
  addNumbers,
  isFeelNumber,
  type FeelNumber,
  type Compiled,
  type CompiledTest,
  type FeelContext,
  type FeelValue,
  type Node,
  typeName,
} from '../expr/index.ts';
import { RuleError } from './rule-error.ts';
import { builtinTypeCheck } from './feel-types.ts';

export const HIT_POLICIES = ['UNIQUE', 'ANY', 'PRIORITY', 'FIRST', 'RULE ORDER', 'OUTPUT ORDER', 'COLLECT'] as const;
export type HitPolicy = (typeof HIT_POLICIES)[number];
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

/** A decision table as authored: FEEL text in every cell. */
export interface DecisionTableDefinition {
  name?: string;
  hitPolicy?: HitPolicy;
  aggregation?: Aggregation;
  /** `typeRef`: the type the column's values must have (a FEEL built-in: number, string, date ...). */
  inputs: { expression: string; label?: string; inputValues?: string; typeRef?: string }[];
  outputs: { name: string; outputValues?: string; defaultOutput?: string; typeRef?: string }[];
  rules: { id?: string; inputEntries: string[]; outputEntries: string[]; annotation?: string }[];
}

export interface TableResult {
  value: FeelValue;
  /** Indexes (0-based) of the rules that matched, in rule order. */
  matched: number[];
  warnings: { code: string; message: string }[];
}

interface CompiledRule {
  tests: (CompiledTest | null)[];
  outputs: Compiled[];
}

export interface CompiledTable {
  readonly definition: DecisionTableDefinition;
  readonly inputNodes: Node[];
  readonly entryNodes: Node[][][];
  /** Evaluates in a scope holding the input variables. */
  evaluateIn(env: Env): TableResult;
  evaluate(vars: FeelContext): TableResult;
}

/** Which FEEL text failed, in which cell: tables are edited in a grid, so say which cell. */
function cell<T>(where: string, text: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new RuleError('table_syntax', `${where}: ${(err as Error).message} in "${text}"`, where);
  }
}

function priorityIndex(values: Node[] | null, env: Env, v: FeelValue): number {
  if (!values) return 0;
  for (let i = 0; i < values.length; i++) {
    const allowed = compileNode(values[i]!)(env);
    if (feelEquals(allowed, v) === true) return i;
  }
  return values.length;
}

export function compileDecisionTable(def: DecisionTableDefinition, knownNames: readonly string[] = []): CompiledTable {
  const names = [...BUILTIN_NAMES, ...knownNames];
  const hitPolicy = def.hitPolicy ?? 'UNIQUE';
  if (!HIT_POLICIES.includes(hitPolicy)) throw new RuleError('bad_table', `hit policy "${hitPolicy}" is not one of ${HIT_POLICIES.join(', ')}`, 'hitPolicy');
  if (def.outputs.length === 0) throw new RuleError('bad_table', 'a decision table needs at least one output', 'outputs');
  const inputNodes = def.inputs.map((input, i) => cell(`input ${i + 1}`, input.expression, () => parseExpression(input.expression, names)));
  const inputs = inputNodes.map(compileNode);
  // A bare variable name is read straight from the scope, the common case on the hot path.
  const directNames = inputNodes.map((n) => (n.t === 'name' ? n.name : null));
  const inputValueTests = def.inputs.map((input, i) =>
    input.inputValues ? cell(`input ${i + 1} values`, input.inputValues, () => compileTests(parseUnaryTests(input.inputValues!, names))) : null,
  );
  const outputValueNodes = def.outputs.map((o, i) =>
    o.outputValues ? cell(`output ${i + 1} values`, o.outputValues, () => parseUnaryTests(o.outputValues!, names)) : null,
  );
  const outputValueTests = outputValueNodes.map((n) => (n ? compileTests(n) : null));
  // A value of another type than its column declares is an error (DMN type conformance): never matched against rules as if it were one.
  const inputTypes = def.inputs.map((i) => builtinTypeCheck(i.typeRef));
  const outputTypes = def.outputs.map((o) => builtinTypeCheck(o.typeRef));
  const defaults = def.outputs.map((o, i) =>
    o.defaultOutput ? cell(`output ${i + 1} default`, o.defaultOutput, () => compileNode(parseExpression(o.defaultOutput!, names))) : null,
  );
  const entryNodes: Node[][][] = [];
  const rules: CompiledRule[] = def.rules.map((rule, r) => {
    if (rule.inputEntries.length !== def.inputs.length)
      throw new RuleError('bad_table', `rule ${r + 1} has ${rule.inputEntries.length} input entries for ${def.inputs.length} inputs`, `rules[${r}]`);
    if (rule.outputEntries.length !== def.outputs.length)
      throw new RuleError('bad_table', `rule ${r + 1} has ${rule.outputEntries.length} output entries for ${def.outputs.length} outputs`, `rules[${r}]`);
    const nodes = rule.inputEntries.map((text, i) =>
      cell(`rule ${r + 1}, input ${i + 1}`, text, () => parseUnaryTests(text.trim() === '' ? '-' : text, names)),
    );
    entryNodes.push(nodes);
    return {
      tests: nodes.map((n) => (n.length === 1 && n[0]!.t === 'any' ? null : compileTests(n))),
      outputs: rule.outputEntries.map((text, o) => cell(`rule ${r + 1}, output ${o + 1}`, text, () => compileNode(parseExpression(text, names)))),
    };
  });
  const single = def.outputs.length === 1;
  const outputNames = def.outputs.map((o) => o.name);
  const nInputs = inputs.length;

  const outputOf = (rule: CompiledRule, env: Env): FeelValue => {
    if (single) return rule.outputs[0]!(env);
    const ctx: FeelContext = {};
    for (let o = 0; o < rule.outputs.length; o++) ctx[outputNames[o]!] = rule.outputs[o]!(env);
    return ctx;
  };

  const defaultValue = (env: Env): FeelValue => {
    if (defaults.every((d) => d === null)) return null;
    if (single) return defaults[0]!(env);
    const ctx: FeelContext = {};
    defaults.forEach((d, o) => (ctx[outputNames[o]!] = d ? d(env) : null));
    return ctx;
  };

  const checkOutputs = (v: FeelValue, env: Env): boolean => {
    for (let o = 0; o < outputValueTests.length; o++) {
      const t = outputValueTests[o];
      const type = outputTypes[o];
      if (!t && !type) continue;
      const x = single ? v : (v as FeelContext)[outputNames[o]!]!;
      if (type && x !== null && !type(x)) {
        env.warn('output_type_mismatch', `output ${outputNames[o] || o + 1} = ${JSON.stringify(x)} is not a ${def.outputs[o]!.typeRef} (the column's type)`);
        return false;
      }
      if (t && x !== null && t(x, env) !== true) {
        env.warn('output_not_allowed', `output ${outputNames[o] || o + 1} = ${JSON.stringify(x)} is not among the output values`);
        return false;
      }
    }
    return true;
  };

  const priorityKey = (v: FeelValue, env: Env): number[] =>
    outputValueNodes.map((nodes, o) => priorityIndex(nodes, env, single ? v : (v as FeelContext)[outputNames[o]!]!));

  const byPriority = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  };

  const evaluateIn = (env: Env): TableResult => {
    const values: FeelValue[] = new Array(nInputs);
    for (let i = 0; i < nInputs; i++) {
      const direct = directNames[i];
      const v = direct !== null ? (env.get(direct) ?? inputs[i]!(env)) : inputs[i]!(env);
      const type = inputTypes[i];
      if (type && v !== null && !type(v)) {
        env.warn(
          'input_type_mismatch',
          `input ${def.inputs[i]!.label ?? def.inputs[i]!.expression} = ${JSON.stringify(v)} is a ${typeName(v)}, not a ${def.inputs[i]!.typeRef} (the column's type)`,
        );
        return { value: null, matched: [], warnings: env.sink.warnings };
      }
      const allowed = inputValueTests[i];
      // A value outside the input values is tested as null (so a rule for null may catch it), and
      // reported: a flow never decides on a table that warned.
      if (allowed && v !== null && allowed(v, env) !== true) {
        env.warn(
          'input_not_allowed',
          `input ${def.inputs[i]!.label ?? def.inputs[i]!.expression} = ${JSON.stringify(v)} is not among the input values; it is tested as null`,
        );
        values[i] = null;
        continue;
      }
      values[i] = v;
    }
    const matched: number[] = [];
    for (let r = 0; r < rules.length; r++) {
      const tests = rules[r]!.tests;
      let ok = true;
      for (let i = 0; i < nInputs; i++) {
        const t = tests[i];
        if (t !== null && t!(values[i]!, env) !== true) {
          ok = false;
          break;
        }
      }
      if (ok) {
        matched.push(r);
        if (hitPolicy === 'FIRST') break;
      }
    }
    if (matched.length === 0) {
      if (hitPolicy === 'COLLECT' && def.aggregation === 'COUNT') return tableResult(matched, env, 0);
      return tableResult(
        matched,
        env,
        hitPolicy === 'RULE ORDER' || hitPolicy === 'OUTPUT ORDER' || (hitPolicy === 'COLLECT' && !def.aggregation)
          ? defaults.some((d) => d)
            ? defaultValue(env)
            : []
          : defaultValue(env),
      );
    }
    const outs: FeelValue[] = new Array(matched.length);
    for (let k = 0; k < matched.length; k++) outs[k] = outputOf(rules[matched[k]!]!, env);
    for (const v of outs) if (!checkOutputs(v, env)) return tableResult(matched, env, null);
    switch (hitPolicy) {
      case 'UNIQUE':
        if (matched.length > 1) {
          env.warn('unique_violated', `hit policy UNIQUE but rules ${matched.map((r) => r + 1).join(', ')} all matched`);
          return tableResult(matched, env, null);
        }
        return tableResult(matched, env, outs[0]!);
      case 'FIRST':
        return tableResult(matched, env, outs[0]!);
      case 'ANY':
        for (const v of outs.slice(1)) {
          if (feelEquals(v, outs[0]!) !== true) {
            env.warn('any_violated', `hit policy ANY but matching rules ${matched.map((r) => r + 1).join(', ')} give different outputs`);
            return tableResult(matched, env, null);
          }
        }
        return tableResult(matched, env, outs[0]!);
      case 'PRIORITY': {
        const keys = outs.map((v) => priorityKey(v, env));
        let best = 0;
        for (let k = 1; k < outs.length; k++) if (byPriority(keys[k]!, keys[best]!) < 0) best = k;
        return tableResult(matched, env, outs[best]!);
      }
      case 'RULE ORDER':
        return tableResult(matched, env, outs);
      case 'OUTPUT ORDER': {
        const keyed = outs.map((v, k) => ({ v, key: priorityKey(v, env), k }));
        keyed.sort((a, b) => byPriority(a.key, b.key) || a.k - b.k);
        return tableResult(
          matched,
          env,
          keyed.map((x) => x.v),
        );
      }
      case 'COLLECT':
        return tableResult(matched, env, aggregate(def.aggregation, outs, env));
    }
  };

  return {
    definition: def,
    inputNodes,
    entryNodes,
    evaluateIn,
    evaluate: (vars) => evaluateIn(Env.root(vars)),
  };
}

/** A table's answer: made by a function of its own, not a closure per evaluation (a table runs millions of times). */
function tableResult(matched: number[], env: Env, value: FeelValue): TableResult {
  return { value, matched, warnings: env.sink.warnings };
}

function aggregate(aggregation: Aggregation | undefined, outs: FeelValue[], env: Env): FeelValue {
  if (!aggregation) return outs;
  if (aggregation === 'COUNT') return outs.length;
  const values = outs.filter((v) => v !== null);
  if (values.length === 0) return null;
  if (aggregation === 'SUM') {
    let total: FeelNumber | null = 0;
    for (const v of values) {
      if (!isFeelNumber(v)) {
        env.warn('bad_aggregation', 'SUM needs numeric outputs');
        return null;
      }
      total = total === null ? null : addNumbers(total, v);
    }
    return total;
  }
  let best = values[0]!;
  for (const v of values.slice(1)) {
    const c = compareValues(v, best);
    if (c === null) {
      env.warn('bad_aggregation', `${aggregation} needs comparable outputs`);
      return null;
    }
    if (aggregation === 'MIN' ? c < 0 : c > 0) best = v;
  }
  return best;
}
