// Writes console/src/api-schema.ts from the OpenAPI document of a server started for the purpose.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../test/support/process.ts';
import { apiTypesSource } from './api-types.ts';

const dir = mkdtempSync(join(tmpdir(), 'arbiter-api-types-'));
const server = await serve(['--data-dir', dir]);
try {
  const document = await (await fetch(`${server.url}/openapi.json`)).json();
  const target = join(import.meta.dirname, '..', 'console', 'src', 'api-schema.ts');
  writeFileSync(target, await apiTypesSource(document));
  console.log(`wrote ${target}`);
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
