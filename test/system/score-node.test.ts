import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadFlowFile } from '../../src/flow/index.ts';
import { arbiter } from '../support/process.ts';

const DATA = join(import.meta.dirname, '..', 'fixtures', 'credit-data');

test('a score node runs a trained model inside a flow: PD, reason codes, and a decision on them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-score-node-'));
  // The owner words two features; the others get a code and a text made from their names.
  writeFileSync(
    join(dir, 'reasons.json'),
    JSON.stringify({
      Duration: { code: 'LONG_TERM', text: 'The loan term is long' },
      CheckingAccountStatus: { code: 'CHECKING_ACCOUNT', text: 'The balance of your checking account' },
    }),
  );
  for (const kind of ['gbdt', 'scorecard']) {
    assert.equal(
      arbiter([
        'train',
        '--kind',
        kind,
        '--data',
        join(DATA, 'german_credit.csv'),
        '--target',
        'Class',
        '--bad',
        'Bad',
        '--out',
        join(dir, `${kind}.json`),
        '--rounds',
        '60',
        '--reasons',
        join(dir, 'reasons.json'),
      ]).code,
      0,
    );
  }
  const fields = {
    Duration: 'number',
    Amount: 'number',
    Age: 'number',
    CheckingAccountStatus: 'string',
    CreditHistory: 'string',
    Purpose: 'string',
    SavingsAccountBonds: 'string',
  };
  for (const kind of ['gbdt', 'scorecard']) {
    const flow = {
      id: `scored-${kind}`,
      name: 'Scored loan',
      input: { fields: Object.fromEntries(Object.entries(fields).map(([k, t]) => [k, { type: t, class: 'C1' }])) },
      nodes: [
        { id: 'in', kind: 'input' },
        { id: 'model', kind: 'score', model: `${kind}.json`, output: 'pd', reasons: 'why' },
        { id: 'cut', kind: 'switch' },
        { id: 'yes', kind: 'output', outcome: 'approve', offer: { pd: 'decimal(pd, 4)' } },
        {
          id: 'no',
          kind: 'output',
          outcome: 'decline',
          modelReasons: 'model',
          reasons: [{ code: 'DC_PD', text: 'Estimated risk of default too high' }],
          offer: { pd: 'decimal(pd, 4)', mainFactor: 'why[1]' },
        },
      ],
      edges: [
        { from: 'in', to: 'model' },
        { from: 'model', to: 'cut' },
        { from: 'cut', to: 'yes', when: 'pd < 0.3' },
        { from: 'cut', to: 'no', default: true },
      ],
    };
    writeFileSync(join(dir, `flow-${kind}.json`), JSON.stringify(flow));
    const compiled = await loadFlowFile(join(dir, `flow-${kind}.json`));
    const good = await compiled.run({
      Duration: 6,
      Amount: 1169,
      Age: 67,
      CheckingAccountStatus: 'none',
      CreditHistory: 'Critical',
      Purpose: 'Radio.Television',
      SavingsAccountBonds: 'Unknown',
    });
    const risky = await compiled.run({
      Duration: 48,
      Amount: 5951,
      Age: 22,
      CheckingAccountStatus: 'lt.0',
      CreditHistory: 'PaidDuly',
      Purpose: 'Radio.Television',
      SavingsAccountBonds: 'lt.100',
    });
    assert.ok(good.status === 'completed' && risky.status === 'completed');
    if (good.status !== 'completed' || risky.status !== 'completed') return;
    const pdGood = good.output.offer.pd as number;
    const pdRisky = risky.output.offer.pd as number;
    console.log(`${kind}: PD ${pdGood} (${good.output.outcome}) and ${pdRisky} (${risky.output.outcome}, main factor ${risky.output.offer.mainFactor})`);
    assert.ok(pdGood < pdRisky, 'the riskier applicant gets the higher PD');
    assert.equal(good.output.outcome, 'approve');
    assert.equal(risky.output.outcome, 'decline');
    assert.ok(typeof risky.output.offer.mainFactor === 'string' && (risky.output.offer.mainFactor as string).length > 0);
    const model = risky.trace!.find((t) => t.node === 'model')!;
    assert.ok('Duration' in model.read && 'pd' in model.wrote);

    // The decline says which features raised the risk, largest first, in the owner's words, before the generic reason.
    const reasons = risky.output.reasons;
    const fromModel = reasons.filter((r) => r.node === 'model');
    console.log(`${kind}: declined for ${reasons.map((r) => `${r.code}${r.impact === undefined ? '' : ` (${r.impact.toFixed(3)})`}`).join(', ')}`);
    assert.ok(fromModel.length >= 1 && fromModel.length <= 4, `${fromModel.length} model reasons`);
    assert.deepEqual(reasons.at(-1), { code: 'DC_PD', text: 'Estimated risk of default too high', node: 'no' });
    assert.deepEqual(
      reasons.slice(0, fromModel.length).map((r) => r.node),
      fromModel.map(() => 'model'),
    );
    for (let i = 1; i < fromModel.length; i++) assert.ok(fromModel[i - 1]!.impact! >= fromModel[i]!.impact!, 'ranked by impact');
    assert.ok(fromModel.every((r) => r.impact! > 0));
    assert.equal(fromModel[0]!.feature, risky.output.offer.mainFactor, 'the first reason is the feature the score node ranks first');
    for (const r of fromModel) {
      if (r.feature === 'Duration') assert.deepEqual([r.code, r.text], ['LONG_TERM', 'The loan term is long']);
      else if (r.feature === 'CheckingAccountStatus') assert.equal(r.code, 'CHECKING_ACCOUNT');
      else assert.match(r.text, /raised the estimated risk of default$/);
    }
    const output = risky.trace!.find((t) => t.node === 'no')!;
    assert.deepEqual(
      (output.wrote.modelReasons as { feature: string }[]).map((r) => r.feature),
      fromModel.map((r) => r.feature),
    );
    assert.ok(!good.output.reasons.some((r) => r.node === 'model'), 'an approval gives no model reasons');
  }
});
