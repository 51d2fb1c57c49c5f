import type { TypeRef } from './ast.ts';
import type { FeelValue, Warning } from './values.ts';

/**
 * What one evaluation may spend. Steps are loop iterations, filter items, calls of FEEL-defined
 * functions and, for regular expressions, characters matched; memory is characters of strings
 * and items of lists built. A hostile expression stops here, not at the process's memory or
 * after seconds on the event loop.
 */
export interface EvaluationLimits {
  steps: number;
  memory: number;
}

/** For FEEL evaluated on its own (the DMN runtime, the TCK, the CLI); flows set their own. */
export const DEFAULT_LIMITS: EvaluationLimits = { steps: 1_000_000, memory: 50_000_000 };

/** How deep FEEL-defined functions may call one another. */
export const MAX_CALL_DEPTH = 500;

/** Warning codes that mean an evaluation ran out of its budget (the rest are FEEL's type errors). */
export const LIMIT_CODES = new Set(['too_many_iterations', 'memory_limit', 'recursion_too_deep']);

/** A model's type names as FEEL types; undefined for a name it does not define. */
export type TypeResolver = (name: string) => TypeRef | undefined;

/** Where warnings of one evaluation are collected; shared by every scope of that evaluation. */
export class WarningSink {
  readonly warnings: Warning[] = [];
  /** Warnings given so far, including those already taken out of `warnings` (a flow's trace takes them per node). */
  given = 0;
  /** Iterations taken so far by the evaluation this sink belongs to. */
  steps = 0;
  /** Characters and list items built so far. */
  memory = 0;
  /** FEEL-defined functions being called now, one inside another (recursion). */
  calls = 0;

  /** Names of types a model defines (DMN item definitions), for `instance of`. */
  types: TypeResolver | undefined;
  /**
   * Binds a value to a type the model defines, as the model binds its own variables (allowed
   * values included): the value, or null with a warning when it does not conform.
   */
  bindToModelType: ((value: FeelValue, typeName: string, what: string) => FeelValue) | undefined;

  constructor(readonly limits: EvaluationLimits = DEFAULT_LIMITS) {}

  warn(code: string, message: string): void {
    this.given++;
    if (this.warnings.length < 100) this.warnings.push({ code, message });
  }

  /** Takes `n` steps; false, with a warning, once the budget is spent (every later step fails too). */
  step(n = 1): boolean {
    this.steps += n;
    if (this.steps <= this.limits.steps) return true;
    if (this.steps - n <= this.limits.steps)
      this.warn(
        'too_many_iterations',
        `more than ${this.limits.steps} steps in one evaluation (loop iterations, filtered items, function calls, characters matched); the result is null`,
      );
    return false;
  }

  /** Accounts for `units` characters or list items about to be built; false, with a warning, when that would pass the budget. */
  charge(units: number, what: string): boolean {
    if (this.memory + units <= this.limits.memory) {
      this.memory += units;
      return true;
    }
    this.warn(
      'memory_limit',
      `${what} would build ${units} characters or items, and one evaluation may build at most ${this.limits.memory}; the result is null`,
    );
    this.memory = this.limits.memory + 1;
    return false;
  }
}

/**
 * A chain of variable scopes. Lookups walk outwards; `undefined` means "no such name",
 * as distinct from a name bound to null.
 */
export class Env {
  constructor(
    readonly vars: Readonly<Record<string, FeelValue>>,
    readonly parent: Env | null,
    readonly sink: WarningSink,
  ) {}

  get(name: string): FeelValue | undefined {
    for (let e: Env | null = this; e; e = e.parent) {
      const v = e.vars[name];
      if (v !== undefined || Object.hasOwn(e.vars, name)) return v ?? null;
    }
    return undefined;
  }

  child(vars: Record<string, FeelValue>): Env {
    return new Env(vars, this, this.sink);
  }

  warn(code: string, message: string): void {
    this.sink.warn(code, message);
  }

  static root(vars: Record<string, FeelValue> = {}, limits: EvaluationLimits = DEFAULT_LIMITS): Env {
    return new Env(vars, null, new WarningSink(limits));
  }
}
