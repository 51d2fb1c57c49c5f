// Writes docs/flow.schema.json, the published JSON Schema of flow definitions, from the zod schema the engine validates with.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { flowJsonSchema } from '../src/flow/index.ts';

const target = join(import.meta.dirname, '..', 'docs', 'flow.schema.json');
writeFileSync(target, `${JSON.stringify(flowJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
