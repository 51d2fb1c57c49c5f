import type { Node } from './ast.ts';
import { BUILTIN_NAMES } from './builtins/index.ts';
import { compileNode, compileTests, type Compiled, type CompiledTest } from './compiler.ts';
import { Env } from './env.ts';
import { parseExpression, parseUnaryTests } from './parser.ts';
import type { FeelContext, FeelValue, Warning } from './values.ts';

export interface CompileOptions {
  /**
   * Names the expression may use that contain spaces, keywords or symbols (`Monthly Income`,
   * `Applicant's age`), so the parser reads them as one name. Built-ins are always known.
   */
  knownNames?: readonly string[];
}

export interface Evaluation {
  value: FeelValue;
  /** Runtime type errors and the like: FEEL yields null and carries on; these say why. */
  warnings: Warning[];
}

export interface CompiledExpression {
  readonly source: string;
  readonly ast: Node;
  /** The closure itself, for engines that manage their own scopes. */
  readonly run: Compiled;
  evaluate(vars?: FeelContext): Evaluation;
}

export interface CompiledUnaryTests {
  readonly source: string;
  readonly tests: Node[];
  readonly run: CompiledTest;
  /** Does `input` satisfy the tests? null when it cannot be decided (e.g. comparing a string with a number). */
  matches(input: FeelValue, vars?: FeelContext): boolean | null;
}

function names(options: CompileOptions): string[] {
  return [...BUILTIN_NAMES, ...(options.knownNames ?? [])];
}

/** Parses and compiles a FEEL expression once; throws FeelSyntaxError with line and column. */
export function compileExpression(source: string, options: CompileOptions = {}): CompiledExpression {
  const ast = parseExpression(source, names(options));
  const run = compileNode(ast);
  return {
    source,
    ast,
    run,
    evaluate(vars = {}) {
      const env = Env.root(vars);
      const value = run(env);
      return { value, warnings: env.sink.warnings };
    },
  };
}

/** Compiles decision-table unary tests (`< 600`, `[600..700)`, `"A","B"`, `not(...)`, `-`, `? > x`). */
export function compileUnaryTests(source: string, options: CompileOptions = {}): CompiledUnaryTests {
  const tests = parseUnaryTests(source, names(options));
  const run = compileTests(tests);
  return {
    source,
    tests,
    run,
    matches(input, vars = {}) {
      return run(input, Env.root(vars));
    },
  };
}
