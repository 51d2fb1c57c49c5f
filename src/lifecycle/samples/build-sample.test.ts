import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSample, sampleDefinitionSchema, type PerformanceEvent, type SampleDecision } from './index.ts';

const def = sampleDefinitionSchema.parse({
  flow: 'f',
  dateField: 'appliedAt',
  performanceMonths: 12,
  badDaysPastDue: 90,
  indeterminateDaysPastDue: 30,
  features: ['score', 'region'],
});
const d = (id: string, appliedAt: string, outcome: string, score: number): SampleDecision => ({
  id,
  createdAt: '2026-11-01T00:00:00Z',
  outcome,
  application: { appliedAt, score, region: score > 600 ? 'north' : 'south' },
});
const booked = (at: string, ...rest: PerformanceEvent[]) => ({ events: [{ type: 'disbursement', at, dpd: null }, ...rest] });

test('matured, booked accounts are good or bad by their worst arrears within the window; the rest are counted and left out', () => {
  const decisions = [
    d('good', '2024-01-10T00:00:00Z', 'approve', 700),
    d('bad90', '2024-02-10T00:00:00Z', 'approve', 550),
    d('default', '2024-03-10T00:00:00Z', 'approve', 560),
    d('late-after-window', '2024-01-15T00:00:00Z', 'approve', 650),
    d('indeterminate', '2024-04-10T00:00:00Z', 'approve', 620),
    d('immature', '2025-06-01T00:00:00Z', 'approve', 640),
    d('not-booked', '2024-05-01T00:00:00Z', 'approve', 630),
    d('declined', '2024-05-02T00:00:00Z', 'decline', 500),
    d('no-date', 'soon', 'approve', 600),
  ];
  const perf = new Map([
    ['good', booked('2024-01-12T00:00:00Z', { type: 'delinquency', at: '2024-06-01T00:00:00Z', dpd: 15 })],
    ['bad90', booked('2024-02-12T00:00:00Z', { type: 'delinquency', at: '2024-09-01T00:00:00Z', dpd: 95 })],
    ['default', booked('2024-03-12T00:00:00Z', { type: 'default', at: '2024-12-01T00:00:00Z', dpd: null })],
    ['late-after-window', booked('2024-01-20T00:00:00Z', { type: 'delinquency', at: '2025-06-01T00:00:00Z', dpd: 120 })],
    ['indeterminate', booked('2024-04-12T00:00:00Z', { type: 'delinquency', at: '2024-08-01T00:00:00Z', dpd: 45 })],
    ['immature', booked('2025-06-02T00:00:00Z')],
  ]);
  const s = buildSample(decisions, perf, def, new Date('2025-11-01T00:00:00Z'));
  assert.deepEqual(s.decisionIds, ['good', 'late-after-window', 'bad90', 'default']);
  assert.deepEqual(Array.from(s.y), [0, 0, 1, 1]);
  assert.deepEqual(s.report.excluded, { outsideWindow: 0, immature: 1, indeterminate: 1, notBooked: 1, declined: 1, noDate: 1 });
  assert.equal(s.frame.column('region').kind, 'categorical');
  assert.equal(s.frame.column('score').kind, 'numeric');

  const windowed = buildSample(decisions, perf, { ...def, from: '2024-02-01T00:00:00Z' }, new Date('2025-11-01T00:00:00Z'));
  assert.equal(windowed.report.excluded.outsideWindow, 2);
});

test('parcelling gives declined applicants the bad rate of approved applicants of similar risk', () => {
  const decisions: SampleDecision[] = [];
  const perf = new Map<string, { events: PerformanceEvent[] }>();
  for (let i = 0; i < 400; i++) {
    const score = 500 + (i % 200);
    decisions.push(d(`a${i}`, '2024-01-10T00:00:00Z', i % 4 === 0 ? 'decline' : 'approve', score));
    perf.set(`a${i}`, booked('2024-01-11T00:00:00Z', ...(score < 560 && i % 2 ? [{ type: 'default', at: '2024-05-01T00:00:00Z', dpd: null }] : [])));
  }
  const s = buildSample(decisions, perf, { ...def, rejectInference: 'parcelling' }, new Date('2025-11-01T00:00:00Z'), (a) => -(a.score as number));
  assert.equal(s.report.inferred, 100);
  assert.equal(s.report.rows, 400);
  const inferredBad = s.decisionIds.reduce((n, id, i) => n + (decisions.find((x) => x.id === id)!.outcome === 'decline' ? s.y[i]! : 0), 0);
  assert.ok(inferredBad > 0 && inferredBad < 100, `${inferredBad} of 100 declined inferred bad`);
});
