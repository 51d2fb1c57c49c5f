import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileExpression, toJson, type FeelContext } from './index.ts';

const run = (source: string, vars: FeelContext = {}) => compileExpression(source, { knownNames: Object.keys(vars) }).evaluate(vars);
const value = (source: string, vars: FeelContext = {}) => toJson(run(source, vars).value);

/**
 * The cases are the examples of DMN 1.5 §10.3.4.3 and of XPath Functions 3.1 §5.6 (fn:matches,
 * fn:replace, fn:tokenize), whose regular expressions FEEL adopts, and the points where XML
 * Schema's flavour differs from the engines' own (\d and \w are Unicode-wide, \s is four characters).
 */
describe('FEEL regular expressions (XPath flavour on a linear-time engine)', () => {
  const cases: [string, unknown][] = [
    ['matches("foobar", "^fo*b")', true],
    ['matches("abracadabra", "bra")', true],
    ['matches("abracadabra", "^a.*a$")', true],
    ['matches("abracadabra", "^bra")', false],
    ['matches("HELLO", "hello", "i")', true],
    ['matches("helloworld", "hello world", "x")', true],
    ['matches("hello world", "hello[ ]world", "x")', true],
    ['matches("abcd", ".", "q")', false],
    ['matches("a.b", ".", "q")', true],
    ['matches("line1\nline2", "^line2$")', false],
    ['matches("line1\nline2", "^line2$", "m")', true],
    ['matches("a\nb", "a.b")', false],
    ['matches("a\nb", "a.b", "s")', true],
    // "." is [^\n\r] (XPath 3.1 5.6.1): a carriage return is a line end too.
    ['matches("a\rb", "a.b")', false],
    ['matches("a\rb", "a.b", "s")', true],
    ['matches("a\rb", "a[.]b")', false],
    // The x flag removes white space before the pattern is read, except inside classes.
    ['matches("hello world", "hello\\ sworld", "x")', true],
    ['matches("A", "\\p{ L u }", "x")', true],
    ['matches("hello world", "he ll o[ ]worl d", "x")', true],
    ['matches("helloworld", "hello[ ]world", "x")', false],
    ['matches("a[b c", "a \\[ b [ ] c", "x")', true],
    // XML Schema's \d is any Unicode decimal digit; \w excludes punctuation, separators and controls.
    ['matches("٣", "^\\d$")', true],
    ['matches("é", "^\\w$")', true],
    ['matches("-", "^\\w$")', false],
    ['matches("\f", "^\\s$")', false],
    ['matches(" ", "^[\\s]$")', true],
    ['matches("Ω", "^\\p{Lu}$")', true],
    ['matches("x", "^[\\d\\w]$")', true],
    // Code points, not UTF-16 units.
    ['matches("😀", "^.$")', true],
    // XML Schema's class subtraction, nested and negated (XSD Part 2 F.1.1), on characters and ranges.
    ['matches("bcd", "^[a-z-[aeiou]]+$")', true],
    ['matches("bed", "^[a-z-[aeiou]]+$")', false],
    ['matches("c", "^[a-z-[b-d-[c]]]$")', true],
    ['matches("b", "^[a-z-[b-d-[c]]]$")', false],
    ['matches("é", "^[^a-c-[é]]$")', false],
    ['matches("d", "^[^a-c-[é]]$")', true],
    ['matches("-", "^[a-[a]]$")', false],
    ['matches("\t", "^[\\t\\n-[\\n]]$")', true],
    // Quantifiers in braces; a literal brace is escaped.
    ['matches("aa", "^a{2}$")', true],
    ['matches("aaa", "^a{1,}$")', true],
    ['matches("a{", "^a\\{$")', true],
    // With the q flag the replacement is literal too (XPath Functions 3.1 §5.6.3).
    ['replace("a.b.c", ".", "$", "q")', 'a$b$c'],
    ['replace("abcd", "(ab)|(a)", "[1=$1][2=$2]")', '[1=ab][2=]cd'],
    ['replace("abracadabra", "bra", "*")', 'a*cada*'],
    ['replace("abracadabra", "a.*a", "*")', '*'],
    ['replace("abracadabra", "a.*?a", "*")', '*c*bra'],
    ['replace("abracadabra", "a", "")', 'brcdbr'],
    ['replace("abracadabra", "a(.)", "a$1$1")', 'abbraccaddabbra'],
    ['replace("AAAA", "A+", "b")', 'b'],
    ['replace("AAAA", "A+?", "b")', 'bbbb'],
    ['replace("darted", "^(.*?)d(.*)$", "$1c$2")', 'carted'],
    ['replace("abc", "b", "$0$0")', 'abbc'],
    ['replace("abc", "b", "\\$")', 'a$c'],
    ['replace("a😀b", "😀", "x")', 'axb'],
    ['replace("Chapter 1", "(\\d)", "#$1", "q")', 'Chapter 1'],
    ['split("John Doe", "\\s")', ['John', 'Doe']],
    ['split("a;b;c;;", ";")', ['a', 'b', 'c', '', '']],
    ['split("The cat sat on the mat", "\\s+")', ['The', 'cat', 'sat', 'on', 'the', 'mat']],
    ['split("1, 15, 24, 50", ",\\s*")', ['1', '15', '24', '50']],
    ['split("1,15,,24,50,", ",")', ['1', '15', '', '24', '50', '']],
    ['split("", ",")', []],
  ];
  for (const [source, expected] of cases) test(source, () => assert.deepEqual(value(source), expected));

  test('errors are null with a warning that says what is wrong', () => {
    const refused: [string, RegExp][] = [
      ['replace("abracadabra", ".*?", "$1")', /must not match the empty string/],
      ['split("abba", ".?")', /must not match the empty string/],
      ['matches("aa", "(a)\\1")', /back-references .* linear time/],
      ['matches("é", "^[\\p{L}-[a-z]]$")', /subtraction works on characters and ranges/],
      ['matches("abc", "a{2,1}")', /not a quantifier/],
      ['matches("abc", "a{,2}")', /not a quantifier/],
      ['matches("a}", "a}")', /closes no quantifier/],
      ['matches("a", "\\p{IsBasicLatin}")', /block escape/],
      ['matches("a", "(a")', /never closed/],
      ['matches("a", "a", "g")', /flags may only contain/],
      ['matches("a", "\\q")', /not an escape/],
      ['replace("abc", "b", "$")', /group number/],
    ];
    for (const [source, message] of refused) {
      const r = run(source);
      assert.equal(r.value, null, source);
      assert.match(r.warnings.map((w) => w.message).join(' '), message, source);
    }
  });

  test('a pattern that backtracks exponentially elsewhere takes milliseconds on 10,000 characters', () => {
    const name = `${'a'.repeat(10_000)}!`;
    const t0 = performance.now();
    const r = run('matches(name, "^([a-zA-Z0-9]+[ ]?)+$")', { name });
    const ms = performance.now() - t0;
    assert.equal(r.value, false);
    console.log(`# matches on a 10,001-character hostile name: ${ms.toFixed(1)} ms`);
    assert.ok(ms < 1000, `${ms} ms`);
    assert.equal(value('replace(s, "(x+x+)+y", "-")', { s: 'x'.repeat(5000) }), 'x'.repeat(5000));
  });
});
