import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Frame, type Column } from './frame.ts';
import { ModelCardError, modelCard, modelCardHtml, readCsv, stratifiedSplit, trainScorecard, type LoadedModel } from './index.ts';

const DATA = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'credit-data');

describe('model card', () => {
  const frame = readCsv(join(DATA, 'german_credit.csv'));
  const y = frame.target('Class', 'Bad');
  const features = frame.columns.map((c) => c.name).filter((n) => !['Class', 'Personal', 'ForeignWorker'].includes(n));
  const { train } = stratifiedSplit(y, 0.3, 42);
  const sc = trainScorecard(frame, y, features, train);
  const model: LoadedModel = {
    kind: 'scorecard',
    model: sc,
    version: 'v-test',
    target: { column: 'Class', bad: 'Bad' },
    features: sc.features.map((f) => ({ name: f.feature, kind: f.binning.kind })),
    training: null,
    imported: null,
  };
  const pd = sc.predict(frame);

  test('fairness: approval and bad rates per group of an attribute the model does not use, ratios, the four-fifths flag', () => {
    const card = modelCard(model, frame, y, pd, { protectedAttributes: ['Personal', 'ForeignWorker'], cutoff: 0.3, segmentColumn: 'Housing' });
    const personal = frame.column('Personal');
    assert.equal(personal.kind, 'categorical');
    const report = card.fairness.find((f) => f.attribute === 'Personal')!;
    for (const g of report.groups) {
      // Recomputed from the rows by hand.
      const code = personal.kind === 'categorical' ? personal.levels.indexOf(g.group) : -1;
      const rows: number[] = [...Array(frame.rows).keys()].filter((r: number) => personal.kind === 'categorical' && personal.codes[r] === code);
      const approved = rows.filter((r) => pd[r]! < 0.3);
      assert.equal(g.rows, rows.length);
      assert.ok(Math.abs(g.approvalRate - approved.length / rows.length) < 1e-12);
      assert.ok(Math.abs(g.approvedBadRate! - approved.filter((r) => y[r] === 1).length / approved.length) < 1e-12);
    }
    const top = Math.max(...report.groups.map((g) => g.approvalRate));
    assert.ok(report.groups.every((g) => Math.abs(g.approvalRatio - g.approvalRate / top) < 1e-12));
    assert.equal(report.flagged, report.lowestApprovalRatio < 0.8);
    // A 0/1 code is grouped by value, not by quartile.
    assert.deepEqual(
      card.fairness.find((f) => f.attribute === 'ForeignWorker')!.groups.map((g) => g.group),
      ['0', '1'],
    );
    // Small groups are named as limitations.
    assert.ok(card.limitations.some((l) => /ForeignWorker = 0: only \d+ rows/.test(l)));
    // Segments: every row in one of them, figures per segment.
    assert.equal(
      card.performance.bySegment.reduce((s, g) => s + g.rows, 0),
      frame.rows,
    );
    assert.ok(card.performance.bySegment.every((g) => g.auc !== null && g.auc > 0.5));
    // A scorecard's features carry their bins.
    assert.ok(card.model.features.every((f) => f.bins && f.bins.length > 0 && f.importance !== null));
  });

  test('an attribute the model uses is refused for the fairness report', () => {
    assert.throws(() => modelCard(model, frame, y, pd, { protectedAttributes: [model.features[0]!.name] }), ModelCardError);
    assert.throws(() => modelCard(model, frame, y, pd, { protectedAttributes: ['NoSuchColumn'] }), /no column "NoSuchColumn"/);
  });

  test('by month: performance per month, score PSI against the first, a shifted month named as a limitation', () => {
    // The riskiest quarter of applications all fall in the last month.
    const order = [...Array(frame.rows).keys()].sort((a, b) => pd[a]! - pd[b]!);
    const month = new Float64Array(frame.rows);
    order.forEach((r, rank) => {
      month[r] = rank >= 750 ? 4 : rank % 4;
    });
    const monthly = new Frame([...frame.columns, { kind: 'numeric', name: 'month', values: month } as Column], frame.rows);
    const card = modelCard(model, monthly, y, pd, { dateColumn: 'month' });
    assert.deepEqual(
      card.performance.byMonth.map((m) => m.group),
      ['0', '1', '2', '3', '4'],
    );
    assert.equal(card.stability.length, 4);
    assert.ok(card.stability.slice(0, 3).every((s) => s.psi < 0.1));
    assert.ok(card.stability[3]!.psi > 0.25);
    assert.ok(card.limitations.some((l) => /scores in 4 have shifted from 0/.test(l)));
  });

  test('ISO dates are grouped by month', () => {
    const dates = Int32Array.from({ length: frame.rows }, (_, r) => r % 3);
    const dated = new Frame(
      [...frame.columns, { kind: 'categorical', name: 'applied', codes: dates, levels: ['2025-01-15', '2025-01-30', '2025-02-02'] } as Column],
      frame.rows,
    );
    const card = modelCard(model, dated, y, pd, { dateColumn: 'applied' });
    assert.deepEqual(
      card.performance.byMonth.map((m) => [m.group, m.rows]),
      [
        ['2025-01', 667],
        ['2025-02', 333],
      ],
    );
  });

  test('the HTML page escapes what the data and the owner write', () => {
    const personal = frame.column('Personal');
    assert.equal(personal.kind, 'categorical');
    const hostile = new Frame(
      frame.columns.map((c) =>
        c.name === 'Personal' && c.kind === 'categorical' ? { ...c, levels: c.levels.map((l, i) => (i === 0 ? '<script>alert(1)</script>' : l)) } : c,
      ),
      frame.rows,
    );
    const html = modelCardHtml(
      modelCard(model, hostile, y, pd, { protectedAttributes: ['Personal'], limitations: ['not for <b>business</b> lending'] }),
      'Card & "test"',
    );
    assert.ok(!html.includes('<script>'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('not for &lt;b&gt;business&lt;/b&gt; lending'));
    assert.ok(html.includes('<title>Card &amp; &quot;test&quot;</title>'));
    assert.match(html, /<h2>Fairness: Personal<\/h2>/);
  });
});
