import {
  BUILTIN_NAMES,
  DaysTimeDuration,
  Env,
  FeelDate,
  FeelDateTime,
  FeelFunction,
  FeelTime,
  YearsMonthsDuration,
  compileNode,
  compileTests,
  invoke,
  isContext,
  parseExpression,
  parseUnaryTests,
  typeName,
  type Compiled,
  type CompiledTest,
  type FeelContext,
  type FeelValue,
  type Warning,
} from '../../expr/index.ts';
import { compileDecisionTable } from '../decision-table.ts';
import { RuleError } from '../rule-error.ts';
import type { BoxedExpression, DmnModel, ItemDefinition } from './model.ts';

export interface DmnResult {
  value: FeelValue;
  warnings: Warning[];
}

const BUILTIN_TYPES: Record<string, (v: FeelValue) => boolean> = {
  number: (v) => typeof v === 'number',
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  date: (v) => v instanceof FeelDate,
  time: (v) => v instanceof FeelTime,
  dateTime: (v) => v instanceof FeelDateTime,
  'date and time': (v) => v instanceof FeelDateTime,
  dayTimeDuration: (v) => v instanceof DaysTimeDuration,
  'days and time duration': (v) => v instanceof DaysTimeDuration,
  yearMonthDuration: (v) => v instanceof YearsMonthsDuration,
  'years and months duration': (v) => v instanceof YearsMonthsDuration,
  context: (v) => isContext(v),
  list: (v) => Array.isArray(v),
  function: (v) => v instanceof FeelFunction,
  Any: () => true,
};

function stripPrefix(typeRef: string): string {
  return typeRef.replace(/^(feel|FEEL|xsd|ns\d*):/, '');
}

/**
 * Evaluates the decisions, BKMs and decision services of one DMN model. Every FEEL text and
 * decision table is compiled once, when first used, and reused for every evaluation.
 */
export class DmnRuntime {
  private readonly names: string[];
  private readonly compiled = new Map<BoxedExpression, Compiled>();
  private readonly allowedTests = new Map<string, CompiledTest | null>();

  constructor(
    readonly model: DmnModel,
    /** Imported models by import name: their BKMs, services and decisions appear as `name.element`. */
    private readonly imports: ReadonlyMap<string, DmnRuntime> = new Map(),
  ) {
    this.names = [...BUILTIN_NAMES, ...model.names, ...[...imports.keys()]];
  }

  /** Evaluates one decision (and what it requires) for the given input data. */
  evaluateDecision(name: string, inputs: FeelContext): DmnResult {
    if (!this.model.decisions.has(name))
      throw new RuleError('unknown_decision', `no decision named "${name}"; the model has: ${[...this.model.decisions.keys()].join(', ')}`);
    const env = this.rootEnv(inputs);
    const value = this.decisionValue(name, env, new Map());
    return { value, warnings: env.sink.warnings };
  }

  /** Invokes a BKM or decision service by name with named arguments. */
  invoke(name: string, args: FeelContext): DmnResult {
    const env = this.rootEnv({});
    const fn = env.get(name);
    if (!(fn instanceof FeelFunction)) throw new RuleError('unknown_function', `no business knowledge model or decision service named "${name}"`);
    const value = invoke(fn, [], args, env, name);
    return { value, warnings: env.sink.warnings };
  }

  private rootEnv(inputs: FeelContext): Env {
    const vars: FeelContext = {};
    const env = Env.root(vars);
    for (const bkm of this.model.bkms.values()) vars[bkm.name] = this.bkmFunction(bkm.name, env);
    for (const svc of this.model.services.values()) vars[svc.name] = this.serviceFunction(svc.name, env);
    for (const input of this.model.inputData.values()) {
      const v = Object.hasOwn(inputs, input.name) ? inputs[input.name]! : null;
      vars[input.name] = this.coerce(v, input.typeRef, env, `input ${input.name}`);
    }
    for (const [k, v] of Object.entries(inputs)) if (!(k in vars)) vars[k] = v;
    for (const [importName, runtime] of this.imports) {
      const given = inputs[importName];
      const imported = runtime.rootEnv(isContext(given) ? given : {});
      const ctx: FeelContext = { ...imported.vars };
      for (const d of runtime.model.decisions.keys()) ctx[d] = runtime.decisionValue(d, imported, new Map());
      vars[importName] = ctx;
    }
    return env;
  }

  private decisionValue(name: string, env: Env, memo: Map<string, FeelValue>): FeelValue {
    if (memo.has(name)) return memo.get(name)!;
    const decision = this.model.decisions.get(name);
    if (!decision) return env.get(name) ?? null;
    memo.set(name, null); // a requirement cycle evaluates to null rather than looping
    const vars: FeelContext = {};
    for (const req of decision.requiredDecisions) vars[req] = this.decisionValue(req, env, memo);
    const value = decision.logic ? this.compile(decision.logic)(env.child(vars)) : null;
    const result = this.coerce(value, decision.typeRef, env, `decision ${name}`);
    memo.set(name, result);
    return result;
  }

  private bkmFunction(name: string, env: Env): FeelValue {
    const bkm = this.model.bkms.get(name)!;
    if (!bkm.logic) return null;
    const logic = bkm.logic;
    if (logic.kind !== 'function') return this.compile(logic)(env);
    const body = logic.body ? this.compile(logic.body) : () => null;
    return new FeelFunction(
      name,
      logic.params.map((p) => ({ name: p.name })),
      (args) => {
        const vars = this.bindParameters(logic.params, args, env, name);
        return vars ? this.coerce(body(env.child(vars)), bkm.typeRef, env, name) : null;
      },
    );
  }

  private serviceFunction(name: string, env: Env): FeelFunction {
    const svc = this.model.services.get(name)!;
    const params = [...svc.inputDecisions, ...svc.inputData];
    return new FeelFunction(
      name,
      params.map((p) => ({ name: p })),
      (args) => {
        const vars: FeelContext = {};
        params.forEach((p, i) => (vars[p] = this.coerce(args[i] ?? null, this.model.inputData.get(p)?.typeRef, env, `${name}(${p})`)));
        const scope = env.child(vars);
        const memo = new Map<string, FeelValue>(svc.inputDecisions.map((d, i) => [d, args[i] ?? null]));
        const outputs = svc.outputDecisions.map((d) => [d, this.decisionValue(d, scope, memo)] as const);
        const result = outputs.length === 1 ? outputs[0]![1] : Object.fromEntries(outputs);
        return this.coerce(result, svc.typeRef, env, `decision service ${name}`);
      },
    );
  }

  compile(expr: BoxedExpression): Compiled {
    let c = this.compiled.get(expr);
    if (!c) {
      const inner = this.compileBoxed(expr);
      const typeRef = expr.typeRef;
      c = typeRef && expr.kind !== 'function' ? (env) => this.coerce(inner(env), typeRef, env, `${expr.kind} expression`) : inner;
      this.compiled.set(expr, c);
    }
    return c;
  }

  /** Binds arguments to typed parameters; an argument that does not conform makes the whole call null. */
  private bindParameters(params: { name: string; typeRef?: string }[], args: FeelValue[], env: Env, fn: string): FeelContext | null {
    const vars: FeelContext = {};
    for (let i = 0; i < params.length; i++) {
      const p = params[i]!;
      const given = args[i] ?? null;
      const v = this.coerce(given, p.typeRef, env, `${fn}(${p.name})`);
      if (v === null && given !== null) return null;
      vars[p.name] = v;
    }
    return vars;
  }

  private feel(text: string): Compiled {
    try {
      return compileNode(parseExpression(text, this.names));
    } catch (err) {
      const message = (err as Error).message;
      return (env) => {
        env.warn('feel_syntax', `${message} in "${text}"`);
        return null;
      };
    }
  }

  private compileBoxed(expr: BoxedExpression): Compiled {
    switch (expr.kind) {
      case 'literal':
        return this.feel(expr.text);
      case 'context': {
        const entries = expr.entries.map((e) => ({ name: e.name, typeRef: e.typeRef, value: this.compile(e.value) }));
        return (env) => {
          const ctx: FeelContext = {};
          const scope = env.child(ctx);
          for (const e of entries) {
            const v = this.coerce(e.value(scope), e.typeRef, env, `context entry ${e.name}`);
            if (e.name === null) return v;
            ctx[e.name] = v;
          }
          return ctx;
        };
      }
      case 'list': {
        const items = expr.items.map((i) => this.compile(i));
        return (env) => items.map((i) => i(env));
      }
      case 'relation': {
        const rows = expr.rows.map((r) => r.map((c) => this.compile(c)));
        return (env) => rows.map((r) => Object.fromEntries(expr.columns.map((c, i) => [c, r[i] ? r[i]!(env) : null])));
      }
      case 'invocation': {
        const fn = this.feel(expr.function);
        const bindings = expr.bindings.map((b) => ({ name: b.name, value: b.value ? this.compile(b.value) : () => null }));
        return (env) => {
          const named: FeelContext = {};
          for (const b of bindings) named[b.name] = b.value(env);
          return invoke(fn(env), [], named, env, expr.function);
        };
      }
      case 'function': {
        if (expr.functionKind !== 'FEEL') {
          return (env) => {
            env.warn('unsupported', `${expr.functionKind} functions are not supported`);
            return null;
          };
        }
        const body = expr.body ? this.compile(expr.body) : () => null;
        return (env) =>
          new FeelFunction(
            'anonymous',
            expr.params.map((p) => ({ name: p.name })),
            (args) => {
              const vars = this.bindParameters(expr.params, args, env, 'function');
              return vars ? body(env.child(vars)) : null;
            },
          );
      }
      case 'table': {
        const table = compileDecisionTable(expr.table, this.model.names);
        return (env) => table.evaluateIn(env).value;
      }
    }
  }

  /** Applies a declared type: singleton-list conversion, allowed values, and null on mismatch. */
  coerce(value: FeelValue, typeRef: string | undefined, env: Env, what: string): FeelValue {
    if (!typeRef || value === null) return value;
    const type = stripPrefix(typeRef);
    const item = this.model.itemDefinitions.get(type);
    if (item) return this.coerceItem(value, item, env, what);
    const check = BUILTIN_TYPES[type];
    if (!check) return value;
    if (check(value)) return value;
    if (Array.isArray(value) && value.length === 1 && check(value[0]!)) return value[0]!;
    env.warn('type_mismatch', `${what}: expected ${type}, got ${typeName(value)}`);
    return null;
  }

  private coerceItem(value: FeelValue, item: ItemDefinition, env: Env, what: string): FeelValue {
    if (item.isCollection) {
      const list = Array.isArray(value) ? value : [value];
      const element: ItemDefinition = { ...item, isCollection: false };
      const out = list.map((v) => this.coerceItem(v, element, env, what));
      return out.some((v, i) => v === null && list[i] !== null) ? null : out;
    }
    if (item.components.length > 0) {
      const missing = isContext(value) ? item.components.find((c) => !(c.name in value)) : undefined;
      if (!isContext(value) || missing) {
        env.warn('type_mismatch', `${what}: expected ${item.name}, got ${missing ? `a context without "${missing.name}"` : typeName(value)}`);
        return null;
      }
      for (const c of item.components) {
        const v = value[c.name]!;
        if (v !== null && this.coerceItem(v, c, env, `${what}.${c.name}`) === null) return null;
      }
      return value;
    }
    const v = this.coerce(value, item.typeRef, env, what);
    if (v !== null && item.allowedValues) {
      let test = this.allowedTests.get(item.name);
      if (test === undefined) {
        try {
          test = compileTests(parseUnaryTests(item.allowedValues, this.names));
        } catch {
          test = null;
        }
        this.allowedTests.set(item.name, test);
      }
      if (test && test(v, env) !== true) {
        env.warn('not_allowed', `${what}: ${JSON.stringify(v)} is not an allowed value of ${item.name}`);
        return null;
      }
    }
    return v;
  }
}
