import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compileWat, watSources } from './wat-compiler.ts';

test('every committed WebAssembly binary is what its text source compiles to', async () => {
  const sources = watSources();
  assert.ok(sources.length > 0, 'no .wat sources found under src/');
  for (const { source, binary } of sources) {
    assert.ok(existsSync(binary), `${binary} is missing: run npm run build:wasm`);
    const compiled = await compileWat(source);
    assert.deepEqual(
      Buffer.from(readFileSync(binary)),
      Buffer.from(compiled),
      `${binary} does not match ${source}: run npm run build:wasm and commit the result`,
    );
  }
});
