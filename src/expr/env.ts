import type { FeelValue, Warning } from './values.ts';

/** Where warnings of one evaluation are collected; shared by every scope of that evaluation. */
/** Iterations one evaluation may take (for, some, every): a hostile expression stops here, not at the process's memory. */
export const MAX_ITERATIONS = 1_000_000;

/** How deep FEEL-defined functions may call one another. */
export const MAX_CALL_DEPTH = 500;

export class WarningSink {
  readonly warnings: Warning[] = [];
  /** Iterations taken so far by the evaluation this sink belongs to. */
  steps = 0;
  /** FEEL-defined functions being called now, one inside another (recursion). */
  calls = 0;
  warn(code: string, message: string): void {
    if (this.warnings.length < 100) this.warnings.push({ code, message });
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
      if (v !== undefined || Object.prototype.hasOwnProperty.call(e.vars, name)) return v ?? null;
    }
    return undefined;
  }

  child(vars: Record<string, FeelValue>): Env {
    return new Env(vars, this, this.sink);
  }

  warn(code: string, message: string): void {
    this.sink.warn(code, message);
  }

  static root(vars: Record<string, FeelValue> = {}): Env {
    return new Env(vars, null, new WarningSink());
  }
}
