import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { arbiter } from '../support/process.ts';

const DATA = join(import.meta.dirname, '..', 'fixtures', 'credit-data');
const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

function csvRows(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
}

test('arbiter train, score --explain and evaluate, for both kinds of model', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-models-'));
  for (const algo of ['gbdt', 'scorecard']) {
    const model = join(dir, `${algo}.json`);
    const trained = arbiter([
      'train',
      '--algo',
      algo,
      '--data',
      join(DATA, 'german_credit.csv'),
      '--target',
      'Class',
      '--bad',
      'Bad',
      '--out',
      model,
      '--trees',
      '120',
      '--json',
    ]);
    assert.equal(trained.code, 0, trained.stderr);
    const report = JSON.parse(trained.stdout);
    console.log(
      `${algo}: holdout AUC ${report.test.auc.toFixed(3)}, KS ${report.test.ks.toFixed(3)} in ${report.seconds}s, version ${report.version.slice(0, 12)}`,
    );
    assert.ok(report.test.auc > 0.75);
    assert.match(trained.stderr, /100% \(/, 'progress is reported on stderr');
    const file = JSON.parse(readFileSync(model, 'utf8'));
    assert.equal(file.version, report.version);
    assert.equal(file.training.data.rows, 1000);
    assert.match(file.training.data.sha256, /^[0-9a-f]{64}$/);
    assert.equal(file.training.metrics.test.auc, report.test.auc);

    const scored = arbiter(['score', '--model', model, '--data', join(DATA, 'german_credit.csv'), '--out', join(dir, `${algo}.csv`), '--explain', '3']);
    assert.equal(scored.code, 0, scored.stderr);
    const [header, ...rows] = csvRows(join(dir, `${algo}.csv`));
    assert.deepEqual(header, ['pd', 'points', 'reason_1', 'impact_1', 'reason_2', 'impact_2', 'reason_3', 'impact_3']);
    assert.equal(rows.length, 1000);
    assert.ok(rows.every((r) => Number(r[0]) > 0 && Number(r[0]) < 1));
    // Higher points mean lower risk, on either kind of model.
    const byPd = rows.map((r) => [Number(r[0]), Number(r[1])]).sort((a, b) => a[0]! - b[0]!);
    assert.ok(byPd[0]![1]! > byPd.at(-1)![1]!);
    assert.ok(
      rows.filter((r) => Number(r[0]) > 0.5).every((r) => r[2] !== '' && Number(r[3]) > 0),
      'a risky applicant has reasons with positive impact',
    );

    const evaluated = JSON.parse(
      arbiter(['evaluate', '--model', model, '--data', join(DATA, 'german_credit.csv'), '--baseline', join(DATA, 'german_credit.csv'), '--json']).stdout,
    );
    assert.equal(evaluated.calibration.length, 10);
    assert.ok(evaluated.psi < 1e-9, 'a population is stable against itself');

    // The model card: the model uses Personal, so the fairness report is refused for it; Housing is a segment.
    const refused = arbiter(['card', '--model', model, '--data', join(DATA, 'german_credit.csv'), '--protected', 'Personal']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /protected attribute "Personal" is a feature of the model/);
    const cardFile = join(dir, `${algo}-card.json`);
    const carded = arbiter(['card', '--model', model, '--data', join(DATA, 'german_credit.csv'), '--segment', 'Housing', '--out', cardFile]);
    assert.equal(carded.code, 0, carded.stderr);
    const card = JSON.parse(readFileSync(cardFile, 'utf8'));
    assert.equal(card.model.kind, algo);
    assert.deepEqual(
      card.performance.bySegment.map((g: { group: string }) => g.group),
      ['ForFree', 'Own', 'Rent'],
    );
    assert.ok(card.limitations.some((l: string) => /measured on the data the model was trained on/.test(l)));
    const html = arbiter(['card', '--model', model, '--data', join(DATA, 'german_credit.csv'), '--limitation', 'not for business lending']).stdout;
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<li>not for business lending<\/li>/);
  }
  // A file changed after training is refused: its version no longer matches its content.
  const file = JSON.parse(readFileSync(join(dir, 'gbdt.json'), 'utf8'));
  file.model.baseMargin += 0.5;
  writeFileSync(join(dir, 'edited.json'), JSON.stringify(file));
  const edited = arbiter(['score', '--model', join(dir, 'edited.json'), '--data', join(DATA, 'german_credit.csv')]);
  assert.equal(edited.code, 1);
  assert.match(edited.stderr, /was changed after it was written/);
});

test("arbiter bins, edited, and arbiter train --bins: the scorecard uses the analyst's bins", () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-bins-'));
  const data = join(DATA, 'german_credit.csv');
  const report = arbiter(['bins', '--data', data, '--target', 'Class', '--bad', 'Bad', '--features', 'Amount,Purpose', '--json']);
  assert.equal(report.code, 0, report.stderr);
  const bins = JSON.parse(report.stdout);
  assert.ok(bins.Amount.cuts.length >= 1 && bins.Amount.trend === 'ascending');
  bins.Amount.cuts = [2000, 4000, 8000];
  bins.Purpose.groups = [['NewCar', 'UsedCar']];
  writeFileSync(join(dir, 'bins.json'), JSON.stringify(bins));
  const out = join(dir, 'sc.json');
  const trainWithBins = (file: string) =>
    arbiter(['train', '--algo', 'scorecard', '--data', data, '--target', 'Class', '--bad', 'Bad', '--bins', join(dir, file), '--out', out]);
  const trained = trainWithBins('bins.json');
  assert.equal(trained.code, 0, trained.stderr);
  const model = JSON.parse(readFileSync(out, 'utf8'));
  const amount = model.model.features.find((f: { feature: string }) => f.feature === 'Amount');
  assert.deepEqual(
    amount.binning.bins.filter((b: { upper?: unknown }) => b.upper !== undefined).map((b: { label: string }) => b.label),
    ['(-inf, 2000]', '(2000, 4000]', '(4000, 8000]', '(8000, inf]'],
  );
  // A bins file that names a column that is not a feature, or cuts out of order, is refused with where it went wrong.
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ Amount: { cuts: [5, 1] } }));
  const bad = trainWithBins('bad.json');
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /bad\.json: Amount\.cuts: cuts must be in ascending order/);
  writeFileSync(join(dir, 'unknown.json'), JSON.stringify({ Salary: { cuts: [1] } }));
  const unknown = trainWithBins('unknown.json');
  assert.match(unknown.stderr, /"Salary" is not a feature of this data/);
});

test('arbiter import: XGBoost JSON, LightGBM text and ONNX models score as the libraries did', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-import-'));
  const cases = [
    {
      format: 'xgboost',
      file: join(FIXTURES, 'xgboost', 'model.json'),
      data: join(FIXTURES, 'xgboost', 'data.csv'),
      expected: join(FIXTURES, 'xgboost', 'predictions.csv'),
    },
    {
      format: 'onnx',
      file: join(FIXTURES, 'onnx', 'trees.onnx'),
      data: join(FIXTURES, 'onnx', 'data.csv'),
      expected: join(FIXTURES, 'onnx', 'trees-predictions.csv'),
    },
    {
      format: 'onnx',
      file: join(FIXTURES, 'onnx', 'linear.onnx'),
      data: join(FIXTURES, 'onnx', 'linear-data.csv'),
      expected: join(FIXTURES, 'onnx', 'linear-predictions.csv'),
    },
    {
      format: 'lightgbm',
      file: join(FIXTURES, 'lightgbm', 'model.txt'),
      data: join(FIXTURES, 'lightgbm', 'data.csv'),
      expected: join(FIXTURES, 'lightgbm', 'predictions.csv'),
    },
  ];
  for (const [i, c] of cases.entries()) {
    const out = join(dir, `m${i}.json`);
    const imported = arbiter(['import', '--format', c.format, c.file, '--out', out]);
    assert.equal(imported.code, 0, imported.stderr);
    const scored = arbiter(['score', '--model', out, '--data', c.data, '--out', join(dir, `s${i}.csv`)]);
    assert.equal(scored.code, 0, scored.stderr);
    const ours = csvRows(join(dir, `s${i}.csv`))
      .slice(1)
      .map((r) => Number(r[0]));
    const theirs = csvRows(c.expected)
      .slice(1)
      .map((r) => Number(r[0]));
    const worst = Math.max(...ours.map((p, k) => Math.abs(p - theirs[k]!)));
    console.log(`${c.format} ${c.file.split('/').pop()}: ${ours.length} rows, largest difference ${worst.toExponential(2)} (scores written with 6 decimals)`);
    assert.ok(worst < 1e-6);
  }
  const noExplain = arbiter(['score', '--model', join(dir, 'm1.json'), '--data', cases[1]!.data, '--explain', '2']);
  assert.equal(noExplain.code, 1);
  assert.match(noExplain.stderr, /this onnx model carries no explanation/);
  // Imported with a reference sample, the ONNX trees get covers and are explained by TreeSHAP.
  const withReference = arbiter(['import', '--format', 'onnx', cases[1]!.file, '--reference', cases[1]!.data, '--out', join(dir, 'explained.json')]);
  assert.equal(withReference.code, 0, withReference.stderr);
  assert.match(withReference.stdout, /its trees score on Arbiter's kernel and are explained by TreeSHAP/);
  const onnxExplained = arbiter(['score', '--model', join(dir, 'explained.json'), '--data', cases[1]!.data, '--explain', '2']);
  assert.equal(onnxExplained.code, 0, onnxExplained.stderr);
  assert.match(onnxExplained.stdout.split('\n')[0]!, /reason_1,impact_1,reason_2,impact_2/);
  // The XGBoost model's trees were converted: it is explained by TreeSHAP like a model trained here.
  const explained = arbiter(['score', '--model', join(dir, 'm0.json'), '--data', cases[0]!.data, '--explain', '2']);
  assert.equal(explained.code, 0, explained.stderr);
  assert.match(explained.stdout.split('\n')[0]!, /reason_1,impact_1,reason_2,impact_2/);
  // The LightGBM model became Arbiter's own trees: explained by TreeSHAP with LightGBM's node counts.
  const lightgbm = arbiter(['score', '--model', join(dir, 'm3.json'), '--data', cases[3]!.data, '--explain', '2']);
  assert.equal(lightgbm.code, 0, lightgbm.stderr);
  assert.match(lightgbm.stdout.split('\n')[0]!, /reason_1,impact_1,reason_2,impact_2/);
  writeFileSync(join(dir, 'junk.onnx'), 'not a model');
  const junk = arbiter(['import', '--format', 'onnx', join(dir, 'junk.onnx'), '--out', join(dir, 'x.json')]);
  assert.equal(junk.code, 1);
  assert.match(junk.stderr, /onnxruntime cannot load/);
});

test('bad training data gets a clear error naming what is wrong', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-bad-csv-'));
  const lines = readFileSync(join(DATA, 'german_credit.csv'), 'utf8').trim().split('\n');
  const write = (name: string, content: string[]) => {
    writeFileSync(join(dir, name), `${content.join('\n')}\n`);
    return join(dir, name);
  };
  const train = (file: string, ...extra: string[]) =>
    arbiter(['train', '--data', file, '--target', 'Class', '--bad', 'Bad', '--out', join(dir, 'm.json'), '--trees', '5', ...extra]);
  const cases: [string, ReturnType<typeof arbiter>, RegExp][] = [
    [
      'ragged row',
      train(write('ragged.csv', [...lines.slice(0, 10), lines[10]!.split(',').slice(0, 5).join(','), ...lines.slice(11)])),
      /Invalid Record Length: expect \d+, got 5 on line 11/,
    ],
    [
      'missing target',
      arbiter(['train', '--data', join(DATA, 'german_credit.csv'), '--target', 'Outcome', '--bad', 'Bad', '--out', join(dir, 'm.json')]),
      /no column "Outcome"; columns are Duration/,
    ],
    [
      'constant target',
      train(write('constant.csv', [lines[0]!, ...lines.slice(1).map((l) => l.replace(/,"?Good"?$/, ',Bad'))])),
      /column "Class" is constant: every row of 1000 holds "Bad"/,
    ],
    [
      'word in a numeric column',
      train(write('word.csv', [lines[0]!, ...lines.slice(1, 40), lines[40]!.replace(/^\d+/, 'twelve'), ...lines.slice(41)])),
      /column "Duration" holds numbers except "twelve" in data row 40/,
    ],
    ['bad option', train(join(DATA, 'german_credit.csv'), '--learning-rate', '3'), /--learning-rate 3: a number above 0 and at most 1/],
  ];
  for (const [what, run, message] of cases) {
    assert.equal(run.code, 1, what);
    assert.match(run.stderr, message, what);
    assert.doesNotMatch(run.stderr, /\n\s+at /, `${what}: no stack trace`);
  }
});

test('score --explain neutralises feature names a spreadsheet would run as formulas', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbiter-csv-formula-'));
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const lines = ['=1+2,@SUM(A1),income,bad'];
  for (let i = 0; i < 400; i++) {
    const a = rnd();
    const b = rnd();
    lines.push(`${a.toFixed(3)},${b.toFixed(3)},${(rnd() * 5000).toFixed(0)},${rnd() < 0.2 + 0.5 * a * b ? 1 : 0}`);
  }
  writeFileSync(join(dir, 'data.csv'), `${lines.join('\n')}\n`);
  assert.equal(arbiter(['train', '--data', join(dir, 'data.csv'), '--target', 'bad', '--bad', '1', '--trees', '20', '--out', join(dir, 'm.json')]).code, 0);
  const scored = arbiter(['score', '--model', join(dir, 'm.json'), '--data', join(dir, 'data.csv'), '--explain', '3', '--out', join(dir, 'scores.csv')]);
  assert.equal(scored.code, 0, scored.stderr);
  const cells = readFileSync(join(dir, 'scores.csv'), 'utf8')
    .split(/[\n,]/)
    .map((c) => c.replace(/^"/, ''));
  assert.ok(
    cells.some((c) => c === "'=1+2" || c === "'@SUM(A1)"),
    'the reason names are there, neutralised',
  );
  assert.deepEqual(
    cells.filter((c) => /^[=@+]/.test(c)),
    [],
    'no cell starts a formula',
  );
});
