import {
  BUILTIN_NAMES,
  compileNode,
  FeelSyntaxError,
  compileTests,
  parseExpression,
  parseUnaryTests,
  type Compiled,
  type CompiledTest,
  type Node,
} from '../expr/index.ts';
import { FlowError } from './flow-error.ts';

/** The same list for every expression of a flow, so the lexer can keep what it derives from it. */
const withBuiltinsOf = new WeakMap<readonly string[], readonly string[]>();
function withBuiltins(knownNames: readonly string[]): readonly string[] {
  let all = withBuiltinsOf.get(knownNames);
  if (!all) withBuiltinsOf.set(knownNames, (all = [...BUILTIN_NAMES, ...knownNames]));
  return all;
}

function rethrow(path: string, text: string, err: unknown): never {
  // Line and column let an editor underline the error inside the expression.
  const at = err instanceof FeelSyntaxError ? { line: err.line, column: err.column } : {};
  throw new FlowError('feel_syntax', [{ path, code: 'feel_syntax', message: `${(err as Error).message} in "${text}"`, ...at }]);
}

export function compileFeel(text: string, knownNames: readonly string[], path: string): { run: Compiled; ast: Node } {
  try {
    const ast = parseExpression(text, withBuiltins(knownNames));
    return { run: compileNode(ast), ast };
  } catch (err) {
    rethrow(path, text, err);
  }
}

export function compileFeelTests(text: string, knownNames: readonly string[], path: string): { run: CompiledTest; ast: Node[] } {
  try {
    const ast = parseUnaryTests(text, withBuiltins(knownNames));
    return { run: compileTests(ast), ast };
  } catch (err) {
    rethrow(path, text, err);
  }
}

const BUILTINS = new Set(BUILTIN_NAMES);

/**
 * The variables an expression reads from its scope: names not bound inside it (iteration
 * variables, function parameters, context entries, filter items) and not built-ins.
 */
export function freeNames(node: Node | Node[], bound: ReadonlySet<string> = new Set()): Set<string> {
  const out = new Set<string>();
  const visit = (n: Node, scope: ReadonlySet<string>): void => {
    switch (n.t) {
      case 'name': {
        // A bare name is a variable even when a built-in shares it (`product`); built-ins are called.
        const head = n.name.split('.')[0]!;
        if (!scope.has(n.name) && !scope.has(head)) out.add(n.name.includes('.') ? head : n.name);
        return;
      }
      case 'call':
        if (!(n.fn.t === 'name' && BUILTINS.has(n.fn.name) && !scope.has(n.fn.name))) visit(n.fn, scope);
        for (const a of n.args) visit(a, scope);
        for (const a of n.named ?? []) visit(a.value, scope);
        return;
      case 'for':
      case 'quant': {
        const inner = new Set(scope);
        for (const it of n.iters) {
          visit(it.source, inner);
          if (it.to) visit(it.to, inner);
          inner.add(it.name);
        }
        if (n.t === 'for') inner.add('partial');
        visit(n.t === 'for' ? n.body : n.cond, inner);
        return;
      }
      case 'fn':
        visit(n.body, new Set([...scope, ...n.params.map((p) => p.name)]));
        return;
      case 'context': {
        const inner = new Set(scope);
        for (const e of n.entries) {
          visit(e.value, inner);
          inner.add(e.key);
        }
        return;
      }
      case 'filter': {
        visit(n.obj, scope);
        // Names in a filter condition may be entries of the items, known only at run time: not reported.
        return;
      }
      case 'path':
        visit(n.obj, scope);
        return;
      default:
        for (const v of Object.values(n)) {
          if (Array.isArray(v)) {
            for (const x of v) {
              if (x && typeof x === 'object' && 't' in x) visit(x as Node, scope);
              else if (x && typeof x === 'object') for (const y of Object.values(x)) if (y && typeof y === 'object' && 't' in y) visit(y as Node, scope);
            }
          } else if (v && typeof v === 'object' && 't' in v) visit(v as Node, scope);
        }
    }
  };
  for (const n of Array.isArray(node) ? node : [node]) visit(n, bound);
  return out;
}
