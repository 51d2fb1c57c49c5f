import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { flowDecisionPages } from '../../src/store/index.ts';
import { BACKENDS } from '../support/backends.ts';

for (const backend of BACKENDS) {
  describe(`a flow's decisions page by page (${backend.name})`, () => {
    test('every decision comes once, oldest first, across pages that split decisions of the same instant', async () => {
      const t = await backend.create();
      try {
        // 23 decisions over 5 instants (microseconds apart, and several at each), 2 of another flow.
        const instants = [
          '2025-01-01T00:00:00.000001Z',
          '2025-01-01T00:00:00.000002Z',
          '2025-01-01T00:00:00.000900Z',
          '2025-01-02T00:00:00Z',
          '2025-01-03T00:00:00Z',
        ];
        const made: { id: string; at: string; flow: string }[] = [];
        for (let i = 0; i < 25; i++) made.push({ id: `d${String((i * 7) % 25).padStart(2, '0')}`, at: instants[i % 5]!, flow: i < 23 ? 'f' : 'other' });
        for (const d of made) {
          await t.db.query(
            `insert into decisions (id, flow_id, flow_version, idempotency_key, request_hash, status, outcome, path, versions, duration_ms, created_at)
             values ($1, $2, 1, $1, 'h', 'completed', 'approve', '[]', '{}', 1, $3)`,
            [d.id, d.flow, d.at],
          );
        }
        const pages: string[][] = [];
        for await (const page of flowDecisionPages(t.db, 'f', 4)) pages.push(page.map((d) => d.id));
        const expected = made
          .filter((d) => d.flow === 'f')
          .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
          .map((d) => d.id);
        assert.deepEqual(pages.flat(), expected);
        assert.deepEqual(
          pages.map((p) => p.length),
          [4, 4, 4, 4, 4, 3],
        );
        const none: string[][] = [];
        for await (const page of flowDecisionPages(t.db, 'no-such-flow', 4)) none.push(page.map((d) => d.id));
        assert.deepEqual(none, []);
      } finally {
        await t.cleanup();
      }
    });
  });
}
