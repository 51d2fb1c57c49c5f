import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { apiTypesSource } from '../../scripts/api-types.ts';
import { BACKENDS } from '../support/backends.ts';
import { useApiFixture } from '../support/server.ts';

describe("the console's API types", () => {
  const f = useApiFixture(BACKENDS[0]!);

  test('are generated from the OpenAPI document the server serves (run npm run api-types after changing a route)', async () => {
    const document = f.server.app.swagger();
    const committed = readFileSync('console/src/api-schema.ts', 'utf8');
    assert.ok((await apiTypesSource(document)) === committed, 'console/src/api-schema.ts is stale: run `npm run api-types`');
  });
});
