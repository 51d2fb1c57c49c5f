import { escapeHtml as esc, htmlTable as table } from '../support/html.ts';
import type { GroupPerformance, ModelCard } from './model-card.ts';

const num = (x: number | null, digits = 3) => (x === null || !Number.isFinite(x) ? '–' : x.toFixed(digits));
const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

const performanceTable = (groups: GroupPerformance[]) =>
  table(
    ['group', 'rows', 'bads', 'bad rate', 'AUC', 'KS'],
    groups.map((g) => [g.group, g.rows, g.bads, pct(g.badRate), num(g.auc), num(g.ks)]),
  );

/** The card as one self-contained HTML page (no scripts, no external resources). */
export function modelCardHtml(card: ModelCard, title = 'Model card'): string {
  const m = card.model;
  const t = m.training;
  const o = card.performance.overall;
  const sections: string[] = [];
  sections.push(
    `<h2>Model</h2>${table(
      ['version', 'kind', 'target', 'features'],
      [[m.version, m.kind, m.target ? `${m.target.column} = ${m.target.bad}` : '–', m.features.length]],
    )}`,
  );
  if (t) {
    sections.push(
      `<h2>Training</h2>${table(
        ['algorithm', 'data', 'sha256', 'rows', 'train / test rows', 'test AUC', 'test KS'],
        [
          [
            t.algorithm,
            t.data.file,
            t.data.sha256.slice(0, 16),
            t.data.rows,
            `${t.split.trainRows} / ${t.split.testRows}`,
            num(t.metrics.test.auc),
            num(t.metrics.test.ks),
          ],
        ],
      )}<p>Parameters: <code>${esc(JSON.stringify(t.params))}</code></p>`,
    );
  } else if (m.imported)
    sections.push(`<h2>Imported</h2><p>${esc(m.imported.format)} file ${esc(m.imported.file)} (sha256 ${esc(m.imported.sha256.slice(0, 16))})</p>`);
  sections.push(
    `<h2>Features</h2>${table(
      ['feature', 'kind', 'importance'],
      m.features.map((f) => [f.name, f.kind, f.importance === null ? '–' : pct(f.importance)]),
    )}`,
  );
  for (const f of m.features.filter((x) => x.bins)) {
    sections.push(
      `<h3>Bins of ${esc(f.name)}</h3>${table(
        ['bin', 'rows', 'bad rate', 'WoE', 'IV'],
        f.bins!.map((b) => [b.label, b.count, pct(b.badRate), num(b.woe), num(b.iv, 4)]),
      )}`,
    );
  }
  sections.push(
    `<h2>Performance on ${esc(card.data.file ?? 'the data given')}: ${esc(card.data.rows)} rows, bad rate ${esc(pct(card.data.badRate))}</h2>${table(
      ['AUC', 'Gini', 'KS', 'Brier', 'log loss'],
      [[num(o.auc), num(o.gini), num(o.ks), num(o.brier, 4), num(o.logLoss, 4)]],
    )}`,
  );
  if (card.performance.byMonth.length) sections.push(`<h3>By month</h3>${performanceTable(card.performance.byMonth)}`);
  if (card.performance.bySegment.length) sections.push(`<h3>By segment</h3>${performanceTable(card.performance.bySegment)}`);
  if (card.stability.length) {
    sections.push(
      `<h2>Stability</h2><p>Score PSI of each month against the first.</p>${table(
        ['month', 'rows', 'PSI'],
        card.stability.map((s) => [s.month, s.rows, num(s.psi)]),
      )}`,
    );
  }
  for (const f of card.fairness) {
    sections.push(
      `<h2>Fairness: ${esc(f.attribute)}</h2><p>Approved when the PD is below ${esc(num(f.cutoff))}. ${
        f.flagged
          ? '<strong>Flagged: a group is approved at less than four fifths of the most approved group’s rate.</strong>'
          : 'Every group is approved at four fifths or more of the most approved group’s rate.'
      }</p>${table(
        ['group', 'rows', 'approval rate', 'approval ratio', 'bad rate of approved', 'bad-rate ratio'],
        f.groups.map((g) => [g.group, g.rows, pct(g.approvalRate), num(g.approvalRatio, 2), pct(g.approvedBadRate), num(g.badRateRatio, 2)]),
      )}`,
    );
  }
  sections.push(
    `<h2>Limitations</h2>${card.limitations.length ? `<ul>${card.limitations.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : '<p>None found in the data given.</p>'}`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
body{font:14px/1.45 system-ui,sans-serif;margin:2em;max-width:60em;color:#1b1f24}table{border-collapse:collapse;margin:.5em 0 1em}
th,td{border:1px solid #d0d7de;padding:.25em .6em;text-align:left}th{background:#f6f8fa}code{font-size:12px}
</style></head><body><h1>${esc(title)}</h1>${sections.join('\n')}</body></html>`;
}
