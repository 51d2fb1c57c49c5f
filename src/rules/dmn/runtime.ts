import { BUILTIN_TYPES, WRITTEN_AS } from '../feel-types.ts';
import {
  BUILTIN_NAMES,
  Env,
  FeelFunction,
  compileNode,
  compileTests,
  convertTo,
  invoke,
  isContext,
  parseExpression,
  parseUnaryTests,
  typeName,
  type Compiled,
  type CompiledTest,
  type FeelContext,
  type FeelValue,
  type TypeRef,
  type Warning,
} from '../../expr/index.ts';
import { compileDecisionTable } from '../decision-table.ts';
import { dmnInputsFromJson } from './json-input.ts';
import { RuleError } from '../rule-error.ts';
import { localTypeRef, type BoxedExpression, type DmnModel, type ItemDefinition } from './model.ts';
import { withUnnamedImport } from './unnamed-imports.ts';

export interface DmnResult {
  value: FeelValue;
  warnings: Warning[];
  /**
   * The decisions that could not be decided, with why: an input data value that does not conform
   * to its declared type (the path of the value and what was expected), or a required decision
   * that failed. Their value is null, and it is never an answer: callers must treat it as an error.
   */
  errors: DecisionError[];
  /** Why the decision asked for failed; absent when it was decided. */
  error?: string;
}

export interface DecisionError {
  decision: string;
  message: string;
}

/** One evaluation's memory: decision values, the inputs that did not conform, the decisions that failed. */
interface Evaluation {
  memo: Map<string, FeelValue>;
  badInputs: Map<string, string>;
  failed: Map<string, string>;
}

function newEvaluation(memo: Map<string, FeelValue> = new Map()): Evaluation {
  return { memo, badInputs: new Map(), failed: new Map() };
}

const errorsOf = (evaluation: Evaluation): DecisionError[] => [...evaluation.failed].map(([decision, message]) => ({ decision, message }));

type Report = (code: string, message: string) => void;

/** The FEEL type an item definition stands for: its components as a context, a collection as a list. */
function itemType(item: ItemDefinition): TypeRef {
  let type: TypeRef;
  if (item.functionItem) {
    const named = (t?: string): TypeRef => ({ kind: 'named', name: t ? localTypeRef(t) : 'Any' });
    type = { kind: 'function', params: item.functionItem.parameters.map((p) => named(p.typeRef)), result: named(item.functionItem.outputTypeRef) };
  } else if (item.components.length > 0) type = { kind: 'context', entries: item.components.map((c) => ({ name: c.name, type: itemType(c) })) };
  else type = { kind: 'named', name: item.typeRef ? localTypeRef(item.typeRef) : 'Any' };
  return item.isCollection ? { kind: 'list', item: type } : type;
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

  /**
   * A model's runtime with its imports: a named import's elements appear as `name.element`; an
   * import with an empty name puts the imported model's elements (and its own imports) in this
   * model's scope, unprefixed (DMN 1.5 6.3.3).
   */
  static linked(model: DmnModel, imports: readonly { name: string; runtime: DmnRuntime }[]): DmnRuntime {
    let merged = model;
    const named = new Map<string, DmnRuntime>();
    for (const { name, runtime } of imports) {
      if (name !== '') {
        named.set(name, runtime);
        continue;
      }
      merged = withUnnamedImport(merged, runtime.model);
      for (const [inner, innerRuntime] of runtime.imports) if (!named.has(inner)) named.set(inner, innerRuntime);
    }
    return new DmnRuntime(merged, named);
  }

  /**
   * The import names that lead from this model to the model of `namespace`, one list a way there
   * (`[["Model B", "Model A"], ["Model B2", "Model A"]]`): where that model's input data are given.
   */
  importPaths(namespace: string): string[][] {
    if (namespace === this.model.namespace || this.model.mergedNamespaces?.includes(namespace)) return [[]];
    const out: string[][] = [];
    for (const [name, runtime] of this.imports) for (const path of runtime.importPaths(namespace)) out.push([name, ...path]);
    return out;
  }

  /**
   * A name such as `i.x.Amount` read as the input data `Amount` of the model imported as `x` by
   * the model imported as `i`: the path to it, or null when the name is not one (it is this
   * model's own input data, or its prefixes are not import names).
   */
  importedInputPath(name: string): string[] | null {
    if (this.model.inputData.has(name)) return null;
    for (const [importName, runtime] of this.imports) {
      if (!name.startsWith(`${importName}.`)) continue;
      const rest = name.slice(importName.length + 1);
      if (runtime.model.inputData.has(rest)) return [importName, rest];
      const deeper = runtime.importedInputPath(rest);
      if (deeper) return [importName, ...deeper];
    }
    return null;
  }

  /** Input data from JSON, typed by this model and, under their import names, by the models it imports. */
  inputsFromJson(json: Record<string, unknown>): FeelContext {
    return dmnInputsFromJson(json, this.model, new Map([...this.imports].map(([name, runtime]) => [name, (j) => runtime.inputsFromJson(j)])), (typeRef) => {
      const found = this.resolveItem(typeRef);
      return found && { item: found.item, model: found.runtime.model };
    });
  }

  /**
   * An item definition by type name: this model's, or one an imported model defines, named
   * through the import (`Shared.tApplicant`, DMN 1.5 6.3.3), with the runtime that owns it.
   */
  resolveItem(typeRef: string): { item: ItemDefinition; runtime: DmnRuntime } | undefined {
    const name = localTypeRef(typeRef);
    const own = this.model.itemDefinitions.get(name);
    if (own) return { item: own, runtime: this };
    for (const [importName, runtime] of this.imports) {
      if (!name.startsWith(`${importName}.`)) continue;
      const found = runtime.resolveItem(name.slice(importName.length + 1));
      if (found) return found;
    }
    return undefined;
  }

  /** Evaluates one decision (and what it requires) for the given input data. */
  evaluateDecision(name: string, inputs: FeelContext): DmnResult {
    if (!this.model.decisions.has(name))
      throw new RuleError('unknown_decision', `no decision named "${name}"; the model has: ${[...this.model.decisions.keys()].join(', ')}`);
    const evaluation = newEvaluation();
    const env = this.rootEnv(inputs, evaluation);
    const value = this.decisionValue(name, env, evaluation);
    const error = evaluation.failed.get(name);
    return { value, warnings: env.sink.warnings, errors: errorsOf(evaluation), ...(error ? { error } : {}) };
  }

  /** Invokes a BKM or decision service by name with named arguments. */
  invoke(name: string, args: FeelContext): DmnResult {
    const evaluation = newEvaluation();
    const env = this.rootEnv({}, evaluation);
    const fn = env.get(name);
    if (!(fn instanceof FeelFunction)) throw new RuleError('unknown_function', `no business knowledge model or decision service named "${name}"`);
    const value = invoke(fn, [], args, env, name);
    return { value, warnings: env.sink.warnings, errors: errorsOf(evaluation) };
  }

  /** An item definition as a FEEL type, for `instance of` (allowed values are not part of a type). */
  private readonly itemTypes = new Map<string, TypeRef | null>();
  private readonly typeOf = (name: string): TypeRef | undefined => {
    const key = localTypeRef(name);
    if (!this.itemTypes.has(key)) {
      const item = this.resolveItem(key)?.item;
      this.itemTypes.set(key, item ? itemType(item) : null);
    }
    return this.itemTypes.get(key) ?? undefined;
  };

  private rootEnv(inputs: FeelContext, evaluation: Evaluation): Env {
    const vars: FeelContext = {};
    const env = Env.root(vars);
    env.sink.types = this.typeOf;
    env.sink.bindToModelType = (value, typeName, what) => this.coerce(value, typeName, env, what);
    for (const bkm of this.model.bkms.values()) vars[bkm.name] = this.bkmFunction(bkm.name, env);
    for (const svc of this.model.services.values()) vars[svc.name] = this.serviceFunction(svc.name, env, evaluation);
    for (const input of this.model.inputData.values()) {
      const v = Object.hasOwn(inputs, input.name) ? inputs[input.name]! : null;
      vars[input.name] = this.conformInput(v, input.name, `input ${input.name}`, env, evaluation);
    }
    for (const [k, v] of Object.entries(inputs)) if (!(k in vars)) vars[k] = v;
    for (const [importName, runtime] of this.imports) {
      const given = inputs[importName];
      const inner = newEvaluation();
      const imported = runtime.rootEnv(isContext(given) ? given : {}, inner);
      const ctx: FeelContext = { ...imported.vars };
      for (const d of runtime.model.decisions.keys()) ctx[d] = runtime.decisionValue(d, imported, inner);
      for (const [d, why] of inner.failed) evaluation.failed.set(`${importName}.${d}`, why);
      for (const [i, why] of inner.badInputs) evaluation.badInputs.set(`${importName}.${i}`, why);
      vars[importName] = ctx;
    }
    return env;
  }

  /** The DRG element an unknown name in these warnings is, if any (`input data "Amount"`). */
  private unrequiredRead(warnings: readonly Warning[]): string | null {
    for (const w of warnings) {
      if (w.code !== 'unknown_name') continue;
      const m = /named "(.*)"$/.exec(w.message);
      const n = m?.[1];
      if (n === undefined) continue;
      if (this.model.inputData.has(n)) return `input data "${n}"`;
      if (this.model.decisions.has(n)) return `decision "${n}"`;
      if (this.model.bkms.has(n)) return `business knowledge model "${n}"`;
      if (this.model.services.has(n)) return `decision service "${n}"`;
    }
    return null;
  }

  private decisionValue(name: string, env: Env, evaluation: Evaluation): FeelValue {
    const { memo } = evaluation;
    if (memo.has(name)) return memo.get(name)!;
    const decision = this.model.decisions.get(name);
    if (!decision) return env.get(name) ?? null;
    memo.set(name, null); // a requirement cycle evaluates to null rather than looping
    const vars: FeelContext = {};
    for (const req of decision.requiredDecisions) vars[req] = this.decisionValue(req, env, evaluation);
    // A value that does not conform is not evaluated as a null: that would turn a type error into
    // an answer (null > 10 is null, and an if takes its else branch). The decision fails instead,
    // and so does every decision that requires it.
    const why =
      decision.requiredInputs.filter((i) => evaluation.badInputs.has(i)).map((i) => evaluation.badInputs.get(i)!)[0] ??
      decision.requiredDecisions.filter((d) => evaluation.failed.has(d)).map((d) => `it requires decision ${d}, which failed`)[0];
    if (why !== undefined) {
      evaluation.failed.set(name, why);
      return null;
    }
    if (!decision.logic) {
      // Absent or unreadable (an expression kind this engine does not know): a null here would be an answer.
      evaluation.failed.set(name, 'the decision has no decision logic that can be evaluated (none in the model, or of a kind Arbiter does not read)');
      return null;
    }
    // Requirement scoping (DMN 1.5 6.3.2, 6.3.3): a decision sees the input data, decisions and
    // knowledge it requires, and the models it imports; nothing else of the DRG.
    const scoped: FeelContext = {};
    for (const n of [...decision.requiredInputs, ...decision.requiredKnowledge, ...this.imports.keys()]) {
      const v = env.get(n);
      if (v !== undefined) scoped[n] = v;
    }
    const seen = env.sink.warnings.length;
    const value = this.compile(decision.logic)(new Env({ ...scoped, ...vars }, null, env.sink));
    // Reading an element of the DRG it does not require is the model's mistake: the decision
    // fails and says so, rather than deciding on the null the name gave.
    const unrequired = this.unrequiredRead(env.sink.warnings.slice(seen));
    if (unrequired) {
      evaluation.failed.set(
        name,
        `it reads ${unrequired} without requiring it; add the requirement to the decision (DMN scopes a decision to what it requires)`,
      );
      return null;
    }
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
    const returns = this.returnTypeOf(bkm.typeRef);
    return new FeelFunction(
      name,
      logic.params.map((p) => ({ name: p.name })),
      (args) => {
        const vars = this.bindParameters(logic.params, args, env, name);
        return vars ? this.coerce(body(env.child(vars)), returns, env, name) : null;
      },
    );
  }

  /** What a knowledge model's or a service's result is bound to: the output type of a function type (functionItem), else its type. */
  private returnTypeOf(typeRef: string | undefined): string | undefined {
    const fnType = typeRef ? this.model.itemDefinitions.get(localTypeRef(typeRef))?.functionItem : undefined;
    return fnType ? fnType.outputTypeRef : typeRef;
  }

  /** `outer` is the evaluation the service is called in: the decisions that fail inside it are reported there too. */
  private serviceFunction(name: string, env: Env, outer: Evaluation): FeelFunction {
    const svc = this.model.services.get(name)!;
    const params = [...svc.inputDecisions, ...svc.inputData];
    const returns = this.returnTypeOf(svc.typeRef);
    return new FeelFunction(
      name,
      params.map((p) => ({ name: p })),
      (args) => {
        const evaluation = newEvaluation(new Map(svc.inputDecisions.map((d, i) => [d, args[i] ?? null])));
        const vars: FeelContext = {};
        params.forEach((p, i) => (vars[p] = this.conformInput(args[i] ?? null, p, `${name}(${p})`, env, evaluation)));
        const scope = env.child(vars);
        const outputs = svc.outputDecisions.map((d) => [d, this.decisionValue(d, scope, evaluation)] as const);
        for (const [d, why] of evaluation.failed) outer.failed.set(d, why);
        const result = outputs.length === 1 ? outputs[0]![1] : Object.fromEntries(outputs);
        return this.coerce(result, returns, env, `decision service ${name}`);
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

  /**
   * An input data value checked against its declared type: a value that does not conform is
   * warned of and recorded in `evaluation`, so the decisions requiring it fail rather than
   * decide on its null.
   */
  private conformInput(value: FeelValue, input: string, what: string, env: Env, evaluation: Evaluation): FeelValue {
    const problems: string[] = [];
    const conformed = this.coerce(value, this.model.inputData.get(input)?.typeRef, env, what, (code, message) => {
      problems.push(message);
      env.warn(code, message);
    });
    if (problems.length) evaluation.badInputs.set(input, problems.join('; '));
    return conformed;
  }

  /** Applies a declared type: singleton-list conversion, allowed values, and null on mismatch. */
  coerce(
    value: FeelValue,
    typeRef: string | undefined,
    env: Env,
    what: string,
    report: Report = (code, message) => env.warn(code, message),
    withAllowedValues = true,
  ): FeelValue {
    if (!typeRef || value === null) return value;
    const type = localTypeRef(typeRef);
    const found = this.resolveItem(type);
    if (found) return found.runtime.coerceItem(value, found.item, env, what, report, withAllowedValues);
    const check = BUILTIN_TYPES[type];
    if (!check) return value;
    if (check(value)) return value;
    // The implicit conversions of a binding (10.3.2.9.4): from a singleton list, from a date to UTC midnight.
    const converted = convertTo(value, { kind: 'named', name: type });
    if (converted !== undefined && converted !== null) return converted;
    const written = typeof value === 'string' ? WRITTEN_AS[type] : undefined;
    report('type_mismatch', `${what}: expected ${type}, got ${written ? `a string that is not one (write it as ${written})` : typeName(value)}`);
    return null;
  }

  /**
   * A type's allowed values replace its base type's: a type without its own keeps the base's
   * (a copy of a constrained type is as constrained), one with its own is checked by them alone.
   */
  private coerceItem(value: FeelValue, item: ItemDefinition, env: Env, what: string, report: Report, withAllowedValues = true): FeelValue {
    if (item.functionItem && !item.isCollection) {
      if (value instanceof FeelFunction) return value;
      report('type_mismatch', `${what}: expected ${item.name} (a function), got ${typeName(value)}`);
      return null;
    }
    if (item.isCollection) {
      const list = Array.isArray(value) ? value : [value];
      const element: ItemDefinition = { ...item, isCollection: false };
      const out = list.map((v, i) => this.coerceItem(v, element, env, `${what}[${i + 1}]`, report));
      return out.some((v, i) => v === null && list[i] !== null) ? null : out;
    }
    if (item.components.length > 0) {
      const missing = isContext(value) ? item.components.find((c) => !(c.name in value)) : undefined;
      if (!isContext(value) || missing) {
        report('type_mismatch', `${what}: expected ${item.name}, got ${missing ? `a context without "${missing.name}"` : typeName(value)}`);
        return null;
      }
      for (const c of item.components) {
        const v = value[c.name]!;
        if (v !== null && this.coerceItem(v, c, env, `${what}.${c.name}`, report) === null) return null;
      }
      return value;
    }
    const v = this.coerce(value, item.typeRef, env, what, report, withAllowedValues && !item.allowedValues);
    if (v !== null && withAllowedValues && item.allowedValues) {
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
        report('not_allowed', `${what}: the value is not one of the allowed values of ${item.name} (${item.allowedValues})`);
        return null;
      }
    }
    return v;
  }
}
