import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { arbiter } from './support/process.ts';

const DATA = join(import.meta.dirname, 'fixtures', 'credit-data');

test('arbiter train, score and evaluate, for both kinds of model', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-models-'));
  for (const kind of ['gbdt', 'scorecard']) {
    const model = join(dir, `${kind}.json`);
    const trained = arbiter(['train', '--kind', kind, '--data', join(DATA, 'german_credit.csv'), '--target', 'Class', '--bad', 'Bad', '--out', model, '--json']);
    assert.equal(trained.code, 0, trained.stderr);
    const report = JSON.parse(trained.stdout);
    console.log(`${kind}: test AUC ${report.test.auc.toFixed(3)} in ${report.seconds}s`);
    assert.ok(report.test.auc > 0.75);
    const scored = arbiter(['score', '--model', model, '--data', join(DATA, 'german_credit.csv'), '--out', join(dir, `${kind}.csv`)]);
    assert.equal(scored.code, 0, scored.stderr);
    const pds = readFileSync(join(dir, `${kind}.csv`), 'utf8').trim().split('\n').slice(1).map(Number);
    assert.equal(pds.length, 1000);
    assert.ok(pds.every((p) => p > 0 && p < 1));
    const evaluated = JSON.parse(arbiter(['evaluate', '--model', model, '--data', join(DATA, 'german_credit.csv'), '--baseline', join(DATA, 'german_credit.csv'), '--json']).stdout);
    assert.equal(evaluated.calibration.length, 10);
    assert.ok(evaluated.psi < 1e-9, 'a population is stable against itself');
  }
  const bad = arbiter(['train', '--data', join(DATA, 'german_credit.csv'), '--target', 'Class', '--bad', 'Terrible', '--out', join(dir, 'x.json')]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /never holds "Terrible"; it holds Good, Bad/);
});
