import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rewriteReferences } from './rewrite-references.ts';

test('references to models, connectors, DMN models and subflows become the versions mapped; others stay; the input is not changed', () => {
  const def = {
    id: 'f',
    nodes: [
      { id: 'score', kind: 'score', model: 'pd@3', output: 'pd' },
      { id: 'other', kind: 'score', model: 'lgd@1', output: 'lgd' },
      { id: 'pull', kind: 'bureau', connector: 'bureau@2', output: 'report' },
      { id: 'tier', kind: 'table', dmn: { model: 'tiers@5', decision: 'risk' } },
      { id: 'sub', kind: 'subflow', flow: 'afford' },
      { id: 'pinned', kind: 'subflow', flow: 'fraud', version: 4 },
      { id: 'end', kind: 'output', outcome: 'approve', model: 'pd@3' },
    ],
  };
  const before = JSON.stringify(def);
  const out = rewriteReferences(def, {
    models: { 'pd@3': 'pd@1' },
    connectors: { 'bureau@2': 'bureau@7' },
    dmnModels: { 'tiers@5': 'tiers@2' },
    subflows: { 'afford@latest': 3, 'fraud@4': 1 },
  }) as typeof def;
  assert.equal(JSON.stringify(def), before);
  const by = Object.fromEntries(out.nodes.map((n) => [n.id, n as Record<string, unknown>]));
  assert.equal(by.score!.model, 'pd@1');
  assert.equal(by.other!.model, 'lgd@1', 'not in the map: as written');
  assert.equal(by.pull!.connector, 'bureau@7');
  assert.deepEqual(by.tier!.dmn, { model: 'tiers@2', decision: 'risk' });
  assert.equal(by.sub!.version, 3, 'an unpinned subflow is pinned to the version made for it');
  assert.equal(by.pinned!.version, 1);
  assert.equal(by.end!.model, 'pd@3', 'only the node kinds that reference things are touched');
});
