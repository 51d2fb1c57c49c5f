import { RE2JS } from 're2js';

/**
 * FEEL's `matches`, `replace` and `split` take XPath regular expressions (XML Schema's
 * flavour plus anchors, reluctant quantifiers and flags: DMN 1.5 §10.3.4.3, XPath Functions
 * 3.1 §5.6). They run on RE2 (re2js), whose matching time is linear in the input whatever the
 * pattern: an applicant's name can never make a pattern backtrack for seconds. What RE2 cannot
 * do in linear time (back-references) is refused with a message; class subtraction is worked
 * out as intervals of code points and written as the ranges it keeps.
 */

/** XML Schema's multi-character escapes as RE2 classes: outside a class, and as members inside one. */
const OUTSIDE: Record<string, string> = {
  // XSD's \d is every Unicode decimal digit and \w everything but punctuation, separators and
  // "other" characters; RE2's are ASCII. \s is XSD's four white-space characters (not \f or \v).
  d: '\\p{Nd}',
  D: '\\P{Nd}',
  w: '[\\p{L}\\p{M}\\p{N}\\p{S}]',
  W: '[\\p{P}\\p{Z}\\p{C}]',
  s: '[ \\t\\n\\r]',
  S: '[^ \\t\\n\\r]',
  i: '[\\p{L}_:]',
  I: '[^\\p{L}_:]',
  c: '[\\p{L}\\p{Nd}\\p{Mn}\\p{Mc}\\p{Lm}\\p{Nl}._:\\-]',
  C: '[^\\p{L}\\p{Nd}\\p{Mn}\\p{Mc}\\p{Lm}\\p{Nl}._:\\-]',
};
const INSIDE: Record<string, string> = {
  d: '\\p{Nd}',
  w: '\\p{L}\\p{M}\\p{N}\\p{S}',
  W: '\\p{P}\\p{Z}\\p{C}',
  s: ' \\t\\n\\r',
  S: '\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x{21}-\\x{10FFFF}',
  i: '\\p{L}_:',
  c: '\\p{L}\\p{Nd}\\p{Mn}\\p{Mc}\\p{Lm}\\p{Nl}._:\\-',
};
/** Single-character escapes XML Schema and XPath allow, and what they stand for in RE2. */
const SINGLE: Record<string, string> = { n: '\\n', r: '\\r', t: '\\t' };
const LITERAL_ESCAPES = new Set(['\\', '|', '.', '-', '^', '?', '*', '+', '{', '}', '(', ')', '[', ']', '$']);

export class RegexError extends Error {}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/** One escape at `i` (just after the backslash); returns its RE2 text and the index after it. */
function escapeAt(p: string, i: number, inClass: boolean): [string, number] {
  const ch = p[i];
  if (ch === undefined) throw new RegexError('the pattern ends with a lone backslash');
  if (ch === 'p' || ch === 'P') {
    const close = p.indexOf('}', i);
    if (p[i + 1] !== '{' || close < 0) throw new RegexError(`\\${ch} must be followed by a property name in braces, such as \\${ch}{L}`);
    const name = p.slice(i + 2, close);
    if (name.startsWith('Is'))
      throw new RegexError(`the Unicode block escape \\${ch}{${name}} is not supported; use a character range such as [\\x{0370}-\\x{03FF}]`);
    if (!/^[A-Z][a-z]?$/.test(name)) throw new RegexError(`\\${ch}{${name}}: unknown Unicode category`);
    return [`\\${ch}{${name}}`, close + 1];
  }
  if (/[1-9]/.test(ch)) throw new RegexError('back-references (\\1 ...) are not supported: they cannot be matched in linear time');
  if (SINGLE[ch]) return [SINGLE[ch]!, i + 1];
  if (LITERAL_ESCAPES.has(ch)) return [`\\${ch}`, i + 1];
  const multi = inClass ? INSIDE[ch] : OUTSIDE[ch];
  if (multi !== undefined) return [multi, i + 1];
  if (inClass && OUTSIDE[ch]) throw new RegexError(`\\${ch} inside a character class is not supported; write it outside the class, as an alternative`);
  throw new RegexError(`\\${ch} is not an escape of XPath regular expressions`);
}

type Interval = [number, number];

const MAX_CODE_POINT = 0x10ffff;

/** Sorted, merged intervals. */
function normalized(set: readonly Interval[]): Interval[] {
  const sorted = [...set].sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [lo, hi] of sorted) {
    const last = out.at(-1);
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function complement(set: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let from = 0;
  for (const [lo, hi] of normalized(set)) {
    if (lo > from) out.push([from, lo - 1]);
    from = hi + 1;
  }
  if (from <= MAX_CODE_POINT) out.push([from, MAX_CODE_POINT]);
  return out;
}

function subtract(base: readonly Interval[], drop: readonly Interval[]): Interval[] {
  const kept = complement(drop);
  const out: Interval[] = [];
  for (const [a, b] of normalized(base)) for (const [c, d] of kept) if (Math.max(a, c) <= Math.min(b, d)) out.push([Math.max(a, c), Math.min(b, d)]);
  return out;
}

/** Intervals as an RE2 class; an empty set matches nothing. */
function intervalsAsClass(set: readonly Interval[]): string {
  const hex = (n: number) => `\\x{${n.toString(16)}}`;
  const body = normalized(set)
    .map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`))
    .join('');
  return body === '' ? '[^\\x{0}-\\x{10ffff}]' : `[${body}]`;
}

/** The code point a single-character escape stands for (`\\n`, `\\-`), or null for a class escape (`\\d`, `\\p{L}`). */
function escapedCodePoint(ch: string): number | null {
  if (ch === 'n') return 10;
  if (ch === 'r') return 13;
  if (ch === 't') return 9;
  return LITERAL_ESCAPES.has(ch) ? ch.codePointAt(0)! : null;
}

interface ParsedClass {
  /** The class as RE2 writes it. */
  re2: string;
  /** Index after its "]". */
  next: number;
  /** The code points it holds, where it is made of characters and ranges only. */
  set: Interval[] | null;
}

/**
 * A character class at `i` (on its "["), with XML Schema's subtraction (`[a-z-[aeiou]]`):
 * RE2 has none, so a subtracting class is worked out as intervals of code points (in time
 * linear in the pattern) and written as the ranges it keeps. Subtraction takes characters and
 * ranges on both sides; with class escapes (`\\p{L}`, `\\d`) it is refused.
 */
function classAt(p: string, i: number): ParsedClass {
  let j = i + 1;
  let re2 = '[';
  const negated = p[j] === '^';
  if (negated) {
    re2 += '^';
    j++;
  }
  const set: Interval[] = [];
  let simple = true;
  /** One member at `at`: its RE2 text, where it ends, and its code point (null for a class escape). */
  const member = (at: number): [string, number, number | null] => {
    if (p[at] === '\\') {
      const [text, next] = escapeAt(p, at + 1, true);
      return [text, next, escapedCodePoint(p[at + 1]!)];
    }
    const cp = p.codePointAt(at)!;
    const text = String.fromCodePoint(cp);
    return [text, at + text.length, cp];
  };
  let first = true;
  for (;;) {
    const c = p[j];
    if (c === undefined) throw new RegexError('a character class "[" is never closed');
    if (c === ']' && !first) break;
    if (c === '-' && p[j + 1] === '[') {
      const sub = classAt(p, j + 1);
      if (p[sub.next] !== ']') throw new RegexError('a subtracted class must come last in its class: [a-z-[aeiou]]');
      if (!simple || !sub.set)
        throw new RegexError('character class subtraction works on characters and ranges, such as [a-z-[aeiou]], not on escapes like \\p{L} or \\d');
      const kept = subtract(negated ? complement(set) : set, sub.set);
      return { re2: intervalsAsClass(kept), next: sub.next + 1, set: kept };
    }
    if (c === '[') throw new RegexError('"[" inside a character class must be escaped as \\[');
    const [text, next, cp] = member(j);
    re2 += text;
    j = next;
    if (p[j] === '-' && p[j + 1] !== ']' && p[j + 1] !== '[' && p[j + 1] !== undefined) {
      const [endText, endNext, endCp] = member(j + 1);
      re2 += `-${endText}`;
      j = endNext;
      if (cp === null || endCp === null) simple = false;
      else set.push([cp, endCp]);
    } else if (cp === null) simple = false;
    else set.push([cp, cp]);
    first = false;
  }
  return { re2: `${re2}]`, next: j + 1, set: simple ? (negated ? complement(set) : normalized(set)) : null };
}

/**
 * The `x` flag (XPath Functions 3.1 §5.6.1.1): white space is removed from the pattern before
 * it is read, everywhere but inside character classes, so `\\ s` is `\\s` and `\\p{ Lu }` is
 * `\\p{Lu}`.
 */
function withoutFreeSpace(pattern: string): string {
  let out = '';
  let classDepth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (classDepth === 0 && isSpace(ch)) continue;
    out += ch;
    if (ch === '\\') {
      // The escaped character is taken as it is (`\\[` opens no class), after any white space
      // between it and the backslash outside a class.
      let next = i + 1;
      while (classDepth === 0 && next < pattern.length && isSpace(pattern[next]!)) next++;
      if (next < pattern.length) out += pattern[next]!;
      i = next;
    } else if (ch === '[') classDepth++;
    else if (ch === ']' && classDepth > 0) classDepth--;
  }
  return out;
}

/** The XPath pattern as RE2 syntax; `.` never matches a line end unless `dotAll` (the s flag). */
export function translateXPathRegex(source: string, freeSpacing: boolean, dotAll = false): string {
  const pattern = freeSpacing ? withoutFreeSpace(source) : source;
  let out = '';
  let i = 0;
  let depth = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === '.') {
      // XPath's "." is [^\n\r]; RE2's excludes only \n.
      out += dotAll ? '.' : '[^\\n\\r]';
      i++;
      continue;
    }
    if (ch === '\\') {
      const [text, next] = escapeAt(pattern, i + 1, false);
      out += text;
      i = next;
      continue;
    }
    if (ch === '[') {
      const cls = classAt(pattern, i);
      out += cls.re2;
      i = cls.next;
      continue;
    }
    if (ch === '{') {
      // XML Schema has only {n}, {n,} and {n,m} (n <= m); a literal brace is escaped.
      const q = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (!q || out === '' || (q[3] !== undefined && q[3] !== '' && Number(q[3]) < Number(q[1])))
        throw new RegexError(`"${q ? q[0] : '{'}" is not a quantifier; write {n}, {n,} or {n,m}, or \\{ for a brace`);
      out += q[0];
      i += q[0].length;
      continue;
    }
    if (ch === '}') throw new RegexError('a "}" closes no quantifier; write \\} for a brace');
    if (ch === '(') {
      depth++;
      // XPath allows (?: only; RE2's other group syntaxes (flags, names) are not XPath.
      if (pattern[i + 1] === '?' && pattern[i + 2] !== ':') throw new RegexError('"(?" must be followed by ":" (a non-capturing group)');
    } else if (ch === ')') depth--;
    if (depth < 0) throw new RegexError('a ")" has no matching "("');
    out += ch;
    i++;
  }
  if (depth > 0) throw new RegexError('a "(" is never closed');
  return out;
}

const cache = new Map<string, RE2JS>();
const CACHE_SIZE = 500;

/** Compiles an XPath pattern with XPath flags (s, m, i, x, q) to a linear-time RE2 program; throws RegexError. */
export function compileXPathRegex(pattern: string, flags: string): RE2JS {
  const key = `${flags}\u0000${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  if (!/^[smixq]*$/.test(flags)) throw new RegexError(`flags may only contain s, m, i, x and q; got "${flags}"`);
  const source = flags.includes('q') ? RE2JS.quote(pattern) : translateXPathRegex(pattern, flags.includes('x'), flags.includes('s'));
  const bits = (flags.includes('s') ? RE2JS.DOTALL : 0) | (flags.includes('m') ? RE2JS.MULTILINE : 0) | (flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
  let re: RE2JS;
  try {
    re = RE2JS.compile(source, bits);
  } catch (err) {
    throw new RegexError(`not a valid regular expression: ${(err as Error).message}`);
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, re);
  return re;
}

/** XPath's replacement string: $N is group N (the longest N that is a group), \$ and \\ are literal. */
function expandReplacement(replacement: string, m: ReturnType<RE2JS['matcher']>, groups: number): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i]!;
    if (ch === '\\') {
      const next = replacement[i + 1];
      if (next !== '\\' && next !== '$') throw new RegexError('in a replacement, "\\" must be followed by "\\" or "$"');
      out += next;
      i++;
    } else if (ch === '$') {
      let j = i + 1;
      if (!/[0-9]/.test(replacement[j] ?? '')) throw new RegexError('in a replacement, "$" must be followed by a group number; write \\$ for a dollar sign');
      let n = Number(replacement[j]);
      j++;
      while (j < replacement.length && /[0-9]/.test(replacement[j]!) && n * 10 + Number(replacement[j]) <= groups) n = n * 10 + Number(replacement[j++]);
      out += n <= groups ? (m.group(n) ?? '') : '';
      i = j - 1;
    } else out += ch;
  }
  return out;
}

/** The pattern must not match "" where XPath forbids it (replace, tokenize). */
export function matchesEmpty(re: RE2JS): boolean {
  return re.matcher('').find();
}

/** Every match replaced; null as soon as `fits` refuses what the result has grown by (replacements can multiply the input). */
export function xpathReplace(
  input: string,
  re: RE2JS,
  replacement: string,
  fits: (characters: number) => boolean = () => true,
  /** The `q` flag: the replacement is taken as it is written, with no $N or escapes (XPath 3.1 §5.6.3). */
  literal = false,
): string | null {
  const m = re.matcher(input);
  const groups = re.groupCount();
  let out = '';
  let last = 0;
  while (m.find()) {
    const piece = input.slice(last, m.start()) + (literal ? replacement : expandReplacement(replacement, m, groups));
    if (!fits(piece.length)) return null;
    out += piece;
    last = m.end();
  }
  return out + input.slice(last);
}

export function xpathTokenize(input: string, re: RE2JS): string[] {
  if (input === '') return [];
  const m = re.matcher(input);
  const out: string[] = [];
  let last = 0;
  while (m.find()) {
    out.push(input.slice(last, m.start()));
    last = m.end();
  }
  out.push(input.slice(last));
  return out;
}
