import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { computeLayout, NODE_WIDTH, overlaps } from '../../console/src/editor/layout.ts';
import type { FlowDefinition } from '../../console/src/types.ts';

const demo = JSON.parse(readFileSync('examples/flows/consumer-lending.json', 'utf8')) as FlowDefinition;

describe("the flow editor's layout (the console's module, run in Node)", () => {
  test('the demo flow is laid out left to right with no node or edge label over another', async () => {
    const layout = await computeLayout(demo);
    assert.equal(layout.nodes.size, demo.nodes.length);
    assert.deepEqual(overlaps(layout), []);
    assert.equal(layout.edges.size, demo.edges.length, 'every edge is routed');
    // Left to right: every edge's target starts right of its source.
    for (const e of demo.edges) assert.ok(layout.nodes.get(e.to)!.x >= layout.nodes.get(e.from)!.x + NODE_WIDTH, `${e.from} → ${e.to}`);
    for (const [i, e] of demo.edges.entries())
      if (e.label ?? e.on ?? e.when ?? e.default) assert.ok(layout.edges.get(i)!.label, `edge ${i} has its label placed`);
  });
});
