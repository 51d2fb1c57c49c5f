import { FeelSyntaxError, positionOf } from './feel-error.ts';

export type TokenKind = 'number' | 'string' | 'temporal' | 'name' | 'keyword' | 'op' | 'eof';

export interface Token {
  kind: TokenKind;
  /** For names: the name with inner whitespace collapsed; for strings: the unescaped text. */
  value: string;
  start: number;
  end: number;
}

export const KEYWORDS = new Set([
  'and',
  'or',
  'in',
  'between',
  'instance',
  'of',
  'if',
  'then',
  'else',
  'for',
  'return',
  'some',
  'every',
  'satisfies',
  'function',
  'external',
  'true',
  'false',
  'null',
]);

// Longest first, so `**` wins over `*` and `..` over `.`.
const OPERATORS = ['**', '..', '<=', '>=', '!=', '=', '<', '>', '+', '-', '*', '/', '(', ')', '[', ']', '{', '}', ',', ':', '.', '?'];

function isNameStart(c: string): boolean {
  return /[\p{L}_?]/u.test(c) && c !== '?';
}

function isNamePart(c: string): boolean {
  return /[\p{L}\p{N}_\p{Mn}\p{Mc}]/u.test(c);
}

/** A string literal's text with its escapes applied; `bad` is told of a code point escape that is not one, by its offset in `raw`. */
function unescapeString(raw: string, bad: (message: string, offset: number) => never): string {
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{6}|.)/g, (whole: string, e: string, offset: number) => {
    switch (e[0]) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case '"':
        return '"';
      case '\\':
        return '\\';
      case "'":
        return "'";
      case 'u':
      case 'U': {
        const code = parseInt(e.slice(1), 16);
        if (e.length === 1) bad(`${whole} must be followed by four hex digits (\\u00e9), or \\U by six (\\U01F600)`, offset);
        if (code > 0x10ffff) bad(`${whole} is beyond the last Unicode code point, U+10FFFF`, offset);
        return String.fromCodePoint(code);
      }
      default:
        // Kept as written: regular expressions in strings use \s, \d and the like.
        return `\\${e}`;
    }
  });
}

/**
 * Splits FEEL text into tokens. `knownNames` (variables, functions, and built-ins with spaces
 * or symbols in them, like `date and time` or `Applicant's age`) are matched longest-first so
 * that a name may contain words that are otherwise keywords or operators.
 */
/** Per list of known names (a flow passes the same list for all its expressions), those that need matching. */
const needingMatch = new WeakMap<readonly string[], string[]>();

/** Plain identifiers and dotted paths lex correctly without help; only names with spaces or symbols need matching, longest first. */
function namesNeedingMatch(knownNames: readonly string[]): string[] {
  let names = needingMatch.get(knownNames);
  if (!names) {
    names = knownNames
      .filter((k) => /[\s'/+*-]|\band\b|\bor\b/.test(k) || (k.includes('.') && !/^[\p{L}_][\p{L}\p{N}_]*(\.[\p{L}_][\p{L}\p{N}_]*)*$/u.test(k)))
      .sort((a, b) => b.length - a.length);
    needingMatch.set(knownNames, names);
  }
  return names;
}

export function tokenize(source: string, knownNames: readonly string[] = []): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = source.length;
  const fail = (msg: string, at: number): never => {
    const { line, column } = positionOf(source, at);
    throw new FeelSyntaxError(msg, line, column, source);
  };
  const known = namesNeedingMatch(knownNames);
  while (i < n) {
    const c = source[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0') {
      i++;
      continue;
    }
    if (c === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && source[i + 1] === '*') {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) fail('unterminated comment: expected */', i);
      i = close + 2;
      continue;
    }
    if (c === '"' || (c === '@' && source[i + 1] === '"')) {
      const start = i;
      let j = c === '@' ? i + 2 : i + 1;
      while (j < n && source[j] !== '"') j += source[j] === '\\' ? 2 : 1;
      if (j >= n) fail('unterminated string: expected a closing "', start);
      const raw = source.slice(c === '@' ? i + 2 : i + 1, j);
      tokens.push({
        kind: c === '@' ? 'temporal' : 'string',
        value: unescapeString(raw, (message, offset) => fail(message, (c === '@' ? i + 2 : i + 1) + offset)),
        start,
        end: j + 1,
      });
      i = j + 1;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const m = /^(\d*\.?\d+(?:[eE][+-]?\d+)?|\d+)/.exec(source.slice(i));
      let text = m![0];
      // `1..5` is a range, not the number `1.` followed by `.5`
      if (/^\d+\.\d/.test(text) && source.slice(i + text.indexOf('.'), i + text.indexOf('.') + 2) === '..') text = text.slice(0, text.indexOf('.'));
      tokens.push({ kind: 'number', value: text, start: i, end: i + text.length });
      i += text.length;
      continue;
    }
    if (isNameStart(c)) {
      let matched: string | undefined;
      for (const k of known) {
        if (source.startsWith(k, i) && !isNamePart(source[i + k.length] ?? ' ')) {
          matched = k;
          break;
        }
      }
      if (matched) {
        tokens.push({ kind: 'name', value: matched, start: i, end: i + matched.length });
        i += matched.length;
        continue;
      }
      let j = i + 1;
      while (j < n && isNamePart(source[j]!)) j++;
      const word = source.slice(i, j);
      tokens.push({ kind: KEYWORDS.has(word) ? 'keyword' : 'name', value: word, start: i, end: j });
      i = j;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (op) {
      tokens.push({ kind: 'op', value: op, start: i, end: i + op.length });
      i += op.length;
      continue;
    }
    fail(`unexpected character "${c}"`, i);
  }
  tokens.push({ kind: 'eof', value: '', start: n, end: n });
  return tokens;
}
