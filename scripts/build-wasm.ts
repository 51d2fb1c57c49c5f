// Compiles every WebAssembly text source under src/ (*.wat) to the binary beside it (*.wasm), which is committed.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileWat } from '../src/support/wat-compiler.ts';

const root = join(import.meta.dirname, '..', 'src');
for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
  if (!entry.endsWith('.wat')) continue;
  const source = join(root, entry);
  const target = source.replace(/\.wat$/, '.wasm');
  const binary = await compileWat(source);
  writeFileSync(target, binary);
  console.log(`wrote ${target} (${binary.length} bytes)`);
}
