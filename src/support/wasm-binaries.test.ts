import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compileWat } from './wat-compiler.ts';

const root = join(import.meta.dirname, '..');
const sources = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.wat'));

test('every committed WebAssembly binary is what its text source compiles to', async () => {
  assert.ok(sources.length > 0, 'no .wat sources found under src/');
  for (const source of sources) {
    const binary = join(root, source.replace(/\.wat$/, '.wasm'));
    assert.ok(existsSync(binary), `${binary} is missing: run npm run build:wasm`);
    const compiled = await compileWat(join(root, source));
    assert.deepEqual(Buffer.from(readFileSync(binary)), Buffer.from(compiled), `${binary} does not match ${source}: run npm run build:wasm and commit the result`);
  }
});
