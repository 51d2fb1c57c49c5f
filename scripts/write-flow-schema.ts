// Writes docs/flow.schema.json, docs/connector.schema.json and docs/strategy.schema.json, the published JSON Schemas, from the zod schemas the engine validates with.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectorJsonSchema } from '../src/connectors/index.ts';
import { flowJsonSchema } from '../src/flow/index.ts';
import { strategyJsonSchema } from '../src/optimize/index.ts';

for (const [file, schema] of [
  ['flow.schema.json', flowJsonSchema()],
  ['connector.schema.json', connectorJsonSchema()],
  ['strategy.schema.json', strategyJsonSchema()],
] as const) {
  const target = join(import.meta.dirname, '..', 'docs', file);
  writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${target}`);
}
