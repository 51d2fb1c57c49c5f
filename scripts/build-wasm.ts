// Compiles every WebAssembly text source under src/ (*.wat) to the binary beside it (*.wasm), which is committed.
import { writeFileSync } from 'node:fs';
import { compileWat, watSources } from '../src/support/wat-compiler.ts';

for (const { source, binary } of watSources()) {
  const compiled = await compileWat(source);
  writeFileSync(binary, compiled);
  console.log(`wrote ${binary} (${compiled.length} bytes)`);
}
