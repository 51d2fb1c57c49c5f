import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const CONSOLE = join(import.meta.dirname, '../../console/src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && name !== 'api-schema.ts' ? [path] : [];
  });
}

/** Every text the console shows through t('...') or keeps as tk('...'), with the file that has it. */
function consoleKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of sources(CONSOLE)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && (node.expression.text === 't' || node.expression.text === 'tk')) {
        const first = node.arguments[0];
        if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
          if (!keys.has(first.text)) keys.set(first.text, file.slice(CONSOLE.length + 1));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return keys;
}

const catalogue = (locale: string) => JSON.parse(readFileSync(join(CONSOLE, 'i18n', `${locale}.json`), 'utf8')) as Record<string, string>;
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

test('every text the console shows has a Simplified Chinese translation, with the same placeholders, and the catalogue holds nothing unused', () => {
  const keys = consoleKeys();
  assert.ok(keys.size > 500, `${keys.size} texts found: the scan reads the console's sources`);
  const zh = catalogue('zh-CN');
  const missing = [...keys].filter(([key]) => !(key in zh)).map(([key, file]) => `${file}: ${key}`);
  assert.deepEqual(missing, [], `${missing.length} texts have no zh-CN translation`);
  const wrongPlaceholders = Object.entries(zh)
    .filter(([key, text]) => keys.has(key) && placeholders(key).join() !== placeholders(text).join())
    .map(([key, text]) => `${key} -> ${text}`);
  assert.deepEqual(wrongPlaceholders, []);
  // Names and notations read the same in both languages.
  const same = new Set(['arb_…', 'Arbiter', 'JSON', 'PSI', 'AUC']);
  const untranslated = Object.entries(zh)
    .filter(([key, text]) => /[A-Za-z]{3,}/.test(key) && text === key && !same.has(key))
    .map(([key]) => key);
  assert.deepEqual(untranslated, [], 'a translation that is the English text again');
  const unused = Object.keys(zh).filter((key) => !keys.has(key));
  assert.deepEqual(unused, [], 'catalogue entries no text of the console uses');
});

test('English plural forms are given for every text with a count, and only for such texts', () => {
  const keys = consoleKeys();
  const en = catalogue('en');
  for (const key of Object.keys(en)) {
    const base = key.replace(/_(one|other)$/, '');
    assert.ok(keys.has(base), `en.json: ${key} is not a key of the console`);
    assert.ok(placeholders(base).includes('count'), `en.json: ${key} has no {{count}}`);
  }
});
