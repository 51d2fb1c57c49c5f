import type { FeelNumber } from './decimal.ts';

/** The FEEL syntax tree; every node keeps its source offset for messages. */
export type Node =
  | { t: 'num'; v: FeelNumber; at: number }
  | { t: 'str'; v: string; at: number }
  | { t: 'bool'; v: boolean; at: number }
  | { t: 'null'; at: number }
  | { t: 'temporal'; v: string; at: number }
  | { t: 'name'; name: string; at: number }
  | { t: 'input'; at: number }
  | { t: 'path'; obj: Node; name: string; at: number }
  | { t: 'filter'; obj: Node; cond: Node; at: number }
  | { t: 'call'; fn: Node; args: Node[]; named: { name: string; value: Node }[] | null; at: number }
  | { t: 'neg'; e: Node; at: number }
  | { t: 'arith'; op: '+' | '-' | '*' | '/' | '**'; l: Node; r: Node; at: number }
  | { t: 'cmp'; op: '=' | '!=' | '<' | '<=' | '>' | '>='; l: Node; r: Node; at: number }
  | { t: 'and'; l: Node; r: Node; at: number }
  | { t: 'or'; l: Node; r: Node; at: number }
  | { t: 'between'; e: Node; lo: Node; hi: Node; at: number }
  | { t: 'in'; e: Node; tests: Node[]; at: number }
  | { t: 'instanceof'; e: Node; type: TypeRef; at: number }
  | { t: 'if'; c: Node; a: Node; b: Node; at: number }
  | { t: 'for'; iters: Iteration[]; body: Node; at: number }
  | { t: 'quant'; every: boolean; iters: Iteration[]; cond: Node; at: number }
  | { t: 'list'; items: Node[]; at: number }
  | { t: 'context'; entries: { key: string; value: Node }[]; at: number }
  | { t: 'range'; start: Node | null; end: Node | null; si: boolean; ei: boolean; at: number }
  | { t: 'fn'; params: { name: string; type?: TypeRef }[]; body: Node; external: boolean; at: number }
  /** `< 5` as a positive unary test, inside decision-table cells and after `in`. */
  | { t: 'unarycmp'; op: '=' | '!=' | '<' | '<=' | '>' | '>='; e: Node; at: number }
  /** `not(tests)` in unary tests. */
  | { t: 'nottests'; tests: Node[]; at: number }
  /** `-` in unary tests. */
  | { t: 'any'; at: number };

export interface Iteration {
  name: string;
  /** A list expression, or `a..b` for a numeric range of integers. */
  source: Node;
  to?: Node;
}

export type TypeRef =
  | { kind: 'named'; name: string }
  | { kind: 'list'; item: TypeRef }
  | { kind: 'range'; item: TypeRef }
  | { kind: 'context'; entries: { name: string; type: TypeRef }[] }
  | { kind: 'function'; params: TypeRef[]; result: TypeRef };
