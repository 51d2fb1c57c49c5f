import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { flowJsonSchema } from '../src/flow/index.ts';

test('docs/flow.schema.json is the schema the engine validates with (regenerate: npm run schema:flow)', () => {
  const published = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'docs', 'flow.schema.json'), 'utf8'));
  assert.deepEqual(published, JSON.parse(JSON.stringify(flowJsonSchema())));
});
