import type { Iteration, Node, TypeRef } from './ast.ts';
import { negateNumber, parseNumber } from './decimal.ts';
import { FeelSyntaxError, positionOf } from './feel-error.ts';
import { tokenize, type Token } from './lexer.ts';

/** Deeper than any expression a person writes; shallow enough for the stack of every engine path. */
const MAX_NESTING = 200;

const COMPARATORS = new Set(['=', '!=', '<', '<=', '>', '>=']);
const RANGE_OPERATORS = new Set(['<', '<=', '>', '>=', '=', '!=']);
type Comparator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** Recursive-descent FEEL parser; precedence follows the DMN 1.5 grammar. */
class Parser {
  private pos = 0;
  /** Parsing the end of a range at this level: a "[" here closes the range. */
  private inRangeEnd = false;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  private get tok(): Token {
    return this.tokens[this.pos]!;
  }
  private peek(k = 1): Token {
    return this.tokens[Math.min(this.pos + k, this.tokens.length - 1)]!;
  }
  private isOp(v: string, t: Token = this.tok): boolean {
    return t.kind === 'op' && t.value === v;
  }
  private isKw(v: string, t: Token = this.tok): boolean {
    return t.kind === 'keyword' && t.value === v;
  }
  private describe(t: Token): string {
    return t.kind === 'eof' ? 'the end of the expression' : `"${this.source.slice(t.start, t.end)}"`;
  }
  fail(expected: string, t: Token = this.tok): never {
    const { line, column } = positionOf(this.source, t.start);
    throw new FeelSyntaxError(`expected ${expected} but found ${this.describe(t)}`, line, column, this.source);
  }
  private expectOp(v: string): Token {
    if (!this.isOp(v)) this.fail(`"${v}"`);
    return this.tokens[this.pos++]!;
  }
  private expectKw(v: string): Token {
    if (!this.isKw(v)) this.fail(`"${v}"`);
    return this.tokens[this.pos++]!;
  }
  expectEnd(): void {
    if (this.tok.kind !== 'eof') this.fail('an operator or the end of the expression');
  }

  /** A name made of one or more adjacent name tokens: `Monthly Income`. */
  private name(what = 'a name'): string {
    if (this.tok.kind !== 'name') this.fail(what);
    let name = this.tokens[this.pos++]!.value;
    while (this.tok.kind === 'name' || (this.tok.kind === 'number' && /^\d+$/.test(this.tok.value) && this.tokens[this.pos - 1]!.end < this.tok.start)) {
      name += ` ${this.tokens[this.pos++]!.value}`;
    }
    return name;
  }

  /** How deep expressions nest now: a hostile text stops with a syntax error, not a stack overflow. */
  private depth = 0;

  expression(): Node {
    if (this.depth >= MAX_NESTING) {
      const { line, column } = positionOf(this.source, this.tok.start);
      throw new FeelSyntaxError(`expressions nested more than ${MAX_NESTING} deep; simplify the expression`, line, column, this.source);
    }
    this.depth++;
    try {
      return this.nested();
    } finally {
      this.depth--;
    }
  }

  private nested(): Node {
    const t = this.tok;
    if (this.isKw('if')) {
      this.pos++;
      const c = this.expression();
      this.expectKw('then');
      const a = this.expression();
      this.expectKw('else');
      const b = this.expression();
      return { t: 'if', c, a, b, at: t.start };
    }
    if (this.isKw('for')) {
      this.pos++;
      const iters = this.iterations();
      this.expectKw('return');
      return { t: 'for', iters, body: this.expression(), at: t.start };
    }
    if (this.isKw('some') || this.isKw('every')) {
      this.pos++;
      const iters = this.iterations();
      this.expectKw('satisfies');
      return { t: 'quant', every: t.value === 'every', iters, cond: this.expression(), at: t.start };
    }
    if (this.isKw('function')) {
      this.pos++;
      this.expectOp('(');
      const params: { name: string; type?: TypeRef }[] = [];
      while (!this.isOp(')')) {
        const name = this.name('a parameter name');
        let type: TypeRef | undefined;
        if (this.isOp(':')) {
          this.pos++;
          type = this.typeRef();
        }
        params.push({ name, type });
        if (!this.isOp(')')) this.expectOp(',');
      }
      this.pos++;
      const external = this.isKw('external');
      if (external) this.pos++;
      return { t: 'fn', params, body: this.expression(), external, at: t.start };
    }
    return this.disjunction();
  }

  private iterations(): Iteration[] {
    const iters: Iteration[] = [];
    do {
      if (iters.length) this.pos++;
      const name = this.name('an iteration variable');
      this.expectKw('in');
      const source = this.expression();
      let to: Node | undefined;
      if (this.isOp('..')) {
        this.pos++;
        to = this.expression();
      }
      iters.push({ name, source, to });
    } while (this.isOp(','));
    return iters;
  }

  private disjunction(): Node {
    let l = this.conjunction();
    while (this.isKw('or')) {
      const at = this.tokens[this.pos++]!.start;
      l = { t: 'or', l, r: this.conjunction(), at };
    }
    return l;
  }

  private conjunction(): Node {
    let l = this.comparison();
    while (this.isKw('and')) {
      const at = this.tokens[this.pos++]!.start;
      l = { t: 'and', l, r: this.comparison(), at };
    }
    return l;
  }

  private comparison(): Node {
    let l = this.additive();
    for (;;) {
      const t = this.tok;
      if (t.kind === 'op' && COMPARATORS.has(t.value)) {
        this.pos++;
        l = { t: 'cmp', op: t.value as Comparator, l, r: this.additive(), at: t.start };
      } else if (this.isKw('between')) {
        this.pos++;
        const lo = this.additive();
        this.expectKw('and');
        l = { t: 'between', e: l, lo, hi: this.additive(), at: t.start };
      } else if (this.isKw('in')) {
        this.pos++;
        l = { t: 'in', e: l, tests: this.inTests(), at: t.start };
      } else return l;
    }
  }

  /** The right side of `in`: one positive unary test, or a parenthesised list of them. */
  private inTests(): Node[] {
    if (this.isOp('(')) {
      const open = this.tok;
      this.pos++;
      const first = this.positiveTest();
      if (this.isOp('..')) {
        this.pos++;
        const end = this.additive();
        const close = this.tok;
        if (!this.isOp(')') && !this.isOp(']') && !this.isOp('[')) this.fail('")" or "]" to close the range');
        this.pos++;
        return [{ t: 'range', start: first, end, si: false, ei: close.value === ']', at: open.start }];
      }
      const tests = [first];
      while (this.isOp(',')) {
        this.pos++;
        tests.push(this.positiveTest());
      }
      this.expectOp(')');
      return tests;
    }
    return [this.positiveTest(true)];
  }

  positiveTest(narrow = false): Node {
    const t = this.tok;
    if (t.kind === 'op' && COMPARATORS.has(t.value)) {
      this.pos++;
      return { t: 'unarycmp', op: t.value as Comparator, e: this.additive(), at: t.start };
    }
    return narrow ? this.additive() : this.expression();
  }

  /** Decision-table input entry: `-`, `not(tests)`, or tests separated by commas. */
  unaryTests(): Node[] {
    const t = this.tok;
    if (this.isOp('-') && this.peek().kind === 'eof') {
      this.pos++;
      return [{ t: 'any', at: t.start }];
    }
    if (t.kind === 'name' && t.value === 'not' && this.isOp('(', this.peek())) {
      const save = this.pos;
      this.pos += 2;
      const tests = this.testList();
      if (this.isOp(')') && this.peek().kind === 'eof') {
        this.pos++;
        return [{ t: 'nottests', tests, at: t.start }];
      }
      this.pos = save;
    }
    return this.testList();
  }

  private testList(): Node[] {
    const tests = [this.positiveTest()];
    while (this.isOp(',')) {
      this.pos++;
      tests.push(this.positiveTest());
    }
    return tests;
  }

  private additive(): Node {
    let l = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const t = this.tokens[this.pos++]!;
      l = { t: 'arith', op: t.value as '+' | '-', l, r: this.multiplicative(), at: t.start };
    }
    return l;
  }

  private multiplicative(): Node {
    let l = this.exponent();
    while (this.isOp('*') || this.isOp('/')) {
      const t = this.tokens[this.pos++]!;
      l = { t: 'arith', op: t.value as '*' | '/', l, r: this.exponent(), at: t.start };
    }
    return l;
  }

  private exponent(): Node {
    let l = this.unary();
    while (this.isOp('**')) {
      const t = this.tokens[this.pos++]!;
      l = { t: 'arith', op: '**', l, r: this.unary(), at: t.start };
    }
    return l;
  }

  private unary(): Node {
    if (this.isOp('-')) {
      // Signs in a row are read in a loop (not recursively), so a long run cannot overflow the stack.
      let negations = 0;
      let at = this.tok.start;
      while (this.isOp('-')) {
        at = this.tok.start;
        this.pos++;
        negations++;
      }
      let e = this.instanceOf();
      for (let k = 0; k < negations; k++) e = e.t === 'num' ? { ...e, v: negateNumber(e.v), at } : { t: 'neg', e, at };
      if (negations > MAX_NESTING) {
        const { line, column } = positionOf(this.source, at);
        throw new FeelSyntaxError(`${negations} minus signs in a row; simplify the expression`, line, column, this.source);
      }
      return e;
    }
    return this.instanceOf();
  }

  private instanceOf(): Node {
    let e = this.postfix();
    while (this.isKw('instance')) {
      const at = this.tokens[this.pos++]!.start;
      this.expectKw('of');
      e = { t: 'instanceof', e, type: this.typeRef(), at };
    }
    return e;
  }

  typeRef(): TypeRef {
    const name = this.qualifiedName();
    const generic = (): TypeRef => {
      this.expectOp('<');
      const item = this.typeRef();
      this.expectOp('>');
      return item;
    };
    if (name === 'list' && this.isOp('<')) return { kind: 'list', item: generic() };
    if (name === 'range' && this.isOp('<')) return { kind: 'range', item: generic() };
    if (name === 'context' && this.isOp('<')) {
      this.pos++;
      const entries: { name: string; type: TypeRef }[] = [];
      while (!this.isOp('>')) {
        const n = this.name('a context entry name');
        this.expectOp(':');
        entries.push({ name: n, type: this.typeRef() });
        if (!this.isOp('>')) this.expectOp(',');
      }
      this.pos++;
      return { kind: 'context', entries };
    }
    if (name === 'function' && this.isOp('<')) {
      this.pos++;
      const params: TypeRef[] = [];
      while (!this.isOp('>')) {
        params.push(this.typeRef());
        if (!this.isOp('>')) this.expectOp(',');
      }
      this.pos++;
      this.expectOp('-');
      this.expectOp('>');
      return { kind: 'function', params, result: this.typeRef() };
    }
    return { kind: 'named', name };
  }

  private qualifiedName(): string {
    let name: string;
    if (this.tok.kind === 'keyword' && (this.tok.value === 'null' || this.tok.value === 'function')) {
      name = this.tokens[this.pos++]!.value;
    } else name = this.name('a type name');
    while (this.isOp('.') && this.peek().kind === 'name') {
      this.pos++;
      name += `.${this.name()}`;
    }
    return name;
  }

  private postfix(): Node {
    let e = this.primary();
    for (;;) {
      const t = this.tok;
      if (this.isOp('.')) {
        this.pos++;
        e = { t: 'path', obj: e, name: this.name('a name after "."'), at: t.start };
      } else if (this.isOp('[') && !(this.inRangeEnd && !this.startsExpression(this.peek()))) {
        this.pos++;
        const cond = this.enclosed(() => this.expression());
        this.expectOp(']');
        e = { t: 'filter', obj: e, cond, at: t.start };
      } else if (this.isOp('(')) {
        this.pos++;
        e = this.call(e, t.start);
      } else return e;
    }
  }

  private call(fn: Node, at: number): Node {
    const args: Node[] = [];
    let named: { name: string; value: Node }[] | null = null;
    if (this.isNamedArgument()) named = [];
    while (!this.isOp(')')) {
      if (named) {
        const name = this.name('a parameter name');
        this.expectOp(':');
        named.push({ name, value: this.enclosed(() => this.expression()) });
      } else args.push(this.enclosed(() => this.expression()));
      if (!this.isOp(')')) this.expectOp(',');
    }
    this.pos++;
    return { t: 'call', fn, args, named, at };
  }

  private isNamedArgument(): boolean {
    let k = 0;
    while (this.peek(k).kind === 'name') k++;
    return k > 0 && this.isOp(':', this.peek(k));
  }

  private primary(): Node {
    const t = this.tok;
    switch (t.kind) {
      case 'number':
        this.pos++;
        // The lexer reads digits with one optional point, which always parse.
        return { t: 'num', v: parseNumber(t.value)!, at: t.start };
      case 'string':
        this.pos++;
        return { t: 'str', v: t.value, at: t.start };
      case 'temporal':
        this.pos++;
        return { t: 'temporal', v: t.value, at: t.start };
      case 'name':
        return { t: 'name', name: this.name(), at: t.start };
      case 'keyword':
        if (t.value === 'true' || t.value === 'false') {
          this.pos++;
          return { t: 'bool', v: t.value === 'true', at: t.start };
        }
        if (t.value === 'null') {
          this.pos++;
          return { t: 'null', at: t.start };
        }
        if (['if', 'for', 'some', 'every', 'function'].includes(t.value)) return this.expression();
        return this.fail('an expression');
      case 'op':
        break;
      default:
        return this.fail('an expression');
    }
    if (t.value === '?') {
      this.pos++;
      return { t: 'input', at: t.start };
    }
    if (RANGE_OPERATORS.has(t.value)) {
      // DMN 1.5 rule 2h: a simple positive unary test is an expression whose value is a range.
      this.pos++;
      return { t: 'unarycmp', op: t.value as Comparator, e: this.additive(), at: t.start };
    }
    if (t.value === '(') {
      this.pos++;
      const e = this.enclosed(() => this.expression());
      if (this.isOp('..')) return this.rangeRest(e, false, t.start);
      this.expectOp(')');
      return e;
    }
    if (t.value === ']') {
      this.pos++;
      const start = this.expression();
      if (!this.isOp('..')) this.fail('".." in a range');
      return this.rangeRest(start, false, t.start);
    }
    if (t.value === '[') {
      this.pos++;
      if (this.isOp(']')) {
        this.pos++;
        return { t: 'list', items: [], at: t.start };
      }
      const first = this.enclosed(() => this.expression());
      if (this.isOp('..')) return this.rangeRest(first, true, t.start);
      const items = [first];
      while (this.isOp(',')) {
        this.pos++;
        items.push(this.enclosed(() => this.expression()));
      }
      this.expectOp(']');
      return { t: 'list', items, at: t.start };
    }
    if (t.value === '{') {
      this.pos++;
      const entries: { key: string; value: Node }[] = [];
      while (!this.isOp('}')) {
        const key = this.tok.kind === 'string' ? this.tokens[this.pos++]!.value : this.contextKey();
        this.expectOp(':');
        entries.push({ key, value: this.enclosed(() => this.expression()) });
        if (!this.isOp('}')) this.expectOp(',');
      }
      this.pos++;
      return { t: 'context', entries, at: t.start };
    }
    return this.fail('an expression');
  }

  /** A context key is a name that may also hold the symbols + - * / . and ' (`{foo+bar: 1}`). */
  private contextKey(): string {
    const start = this.tok;
    if (start.kind !== 'name') this.fail('a context key');
    let k = this.pos;
    while (this.tokens[k]!.kind === 'name' || (this.tokens[k]!.kind === 'op' && /^[-+*/.']$/.test(this.tokens[k]!.value))) k++;
    if (!this.isOp(':', this.tokens[k]!)) return this.name('a context key');
    const key = this.source.slice(start.start, this.tokens[k - 1]!.end).replace(/\s+/g, ' ');
    this.pos = k;
    return key;
  }

  /** Can this token begin an expression? After a range's end, a "[" that is not followed by one closes the range. */
  private startsExpression(t: Token): boolean {
    if (t.kind === 'eof') return false;
    if (t.kind === 'op') return ['(', '[', '{', '-', '?', '@', '<', '<=', '>', '>=', '=', '!='].includes(t.value);
    if (t.kind === 'keyword') return ['true', 'false', 'null', 'if', 'for', 'some', 'every', 'function', 'not'].includes(t.value);
    return true;
  }

  /** Parses inside brackets, braces or parentheses, where a "[" opens a filter again. */
  private enclosed<T>(parse: () => T): T {
    const saved = this.inRangeEnd;
    this.inRangeEnd = false;
    try {
      return parse();
    } finally {
      this.inRangeEnd = saved;
    }
  }

  private rangeRest(start: Node, si: boolean, at: number): Node {
    this.expectOp('..');
    // In a range's end, "[" closes the range (`[1..10[`) rather than filtering the end.
    const saved = this.inRangeEnd;
    this.inRangeEnd = true;
    let end: Node;
    try {
      end = this.expression();
    } finally {
      this.inRangeEnd = saved;
    }
    const close = this.tok;
    if (this.isOp(']')) {
      this.pos++;
      return { t: 'range', start, end, si, ei: true, at };
    }
    if (this.isOp(')') || this.isOp('[')) {
      this.pos++;
      return { t: 'range', start, end, si, ei: false, at };
    }
    return this.fail('"]", ")" or "[" to close the range', close);
  }
}

export function parseExpression(source: string, knownNames: readonly string[] = []): Node {
  const p = new Parser(tokenize(source, knownNames), source);
  const node = p.expression();
  p.expectEnd();
  return node;
}

export function parseUnaryTests(source: string, knownNames: readonly string[] = []): Node[] {
  const p = new Parser(tokenize(source, knownNames), source);
  const tests = p.unaryTests();
  p.expectEnd();
  return tests;
}

export function parseTypeRef(source: string): TypeRef {
  const p = new Parser(tokenize(source, ['date and time', 'years and months duration', 'days and time duration']), source);
  const t = p.typeRef();
  p.expectEnd();
  return t;
}
