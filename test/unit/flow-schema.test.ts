import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compileConnector, connectorJsonSchema } from '../../src/connectors/index.ts';
import { flowJsonSchema } from '../../src/flow/index.ts';
import { strategyJsonSchema } from '../../src/optimize/index.ts';

test('docs/flow.schema.json is the schema the engine validates with (regenerate: npm run schema:flow)', () => {
  const published = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'flow.schema.json'), 'utf8'));
  assert.deepEqual(published, JSON.parse(JSON.stringify(flowJsonSchema())));
});

test('docs/connector.schema.json is the schema connectors are checked with (regenerate: npm run schema:flow)', () => {
  const published = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'connector.schema.json'), 'utf8'));
  assert.deepEqual(published, JSON.parse(JSON.stringify(connectorJsonSchema())));
});

test('the example connectors are valid', () => {
  for (const file of readdirSync(join(import.meta.dirname, '..', '..', 'examples', 'connectors'))) {
    assert.doesNotThrow(() => compileConnector(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'connectors', file), 'utf8'))), file);
  }
});

test('docs/strategy.schema.json is the schema strategies are checked with (regenerate: npm run schema:flow)', () => {
  const published = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'strategy.schema.json'), 'utf8'));
  assert.deepEqual(published, JSON.parse(JSON.stringify(strategyJsonSchema())));
});
