import type { BacktestReport, FlowSummary } from './backtest-report.ts';
import { VERDICTS } from './backtest-stats.ts';

const esc = (t: string) => t.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(2)}%`);
const num = (x: number | null) => (x === null ? '–' : Math.round(x).toLocaleString('en-US'));

/** Horizontal bars, one per label, two series (candidate, baseline): a small inline SVG. */
function bars(title: string, rows: { label: string; candidate: number; baseline: number }[], format: (x: number) => string): string {
  const W = 560;
  const rowH = 44;
  const left = 150;
  const max = Math.max(1e-9, ...rows.flatMap((r) => [r.candidate, r.baseline]));
  const H = 30 + rows.length * rowH + 10;
  const bar = (y: number, v: number, color: string) =>
    `<rect x="${left}" y="${y}" width="${((W - left - 80) * v) / max}" height="14" fill="${color}"/><text x="${left + ((W - left - 80) * v) / max + 6}" y="${y + 11}">${format(v)}</text>`;
  return `<figure><svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-size="12" font-family="sans-serif" role="img" aria-label="${esc(title)}">
<text x="0" y="16" font-weight="bold">${esc(title)}</text>
${rows.map((r, i) => `<text x="0" y="${40 + i * rowH + 12}">${esc(r.label)}</text>${bar(30 + i * rowH, r.candidate, '#1f6feb')}${bar(30 + i * rowH + 16, r.baseline, '#9aa4ae')}`).join('\n')}
</svg><figcaption><span style="color:#1f6feb">■</span> candidate <span style="color:#9aa4ae">■</span> baseline</figcaption></figure>`;
}

function pathTable(name: string, f: FlowSummary): string {
  return `<h3>${esc(name)}: ${f.distinctPaths} distinct paths (the most used)</h3><table><thead><tr><th>path</th><th>outcome</th><th>applications</th><th>share</th><th>bad rate</th></tr></thead><tbody>${f.paths
    .map(
      (p) =>
        `<tr><td class="path">${esc(p.path)}</td><td>${p.outcome}</td><td>${p.count.toLocaleString('en-US')}</td><td>${pct(p.share)}</td><td>${pct(p.badRate)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

/** The back-test as one self-contained HTML page: figures, charts and tables, no scripts. */
export function backtestHtml(r: BacktestReport, title: string): string {
  const c = r.candidate;
  const b = r.baseline;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#1d2228}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #d0d7de;padding:4px 8px;text-align:right}th{background:#f6f8fa}td.path{text-align:left;font-family:monospace;font-size:11px}figure{margin:1em 0}.swap td:first-child,.swap th:first-child{text-align:left}</style></head><body>
<h1>${esc(title)}</h1>
<p>${r.rows.toLocaleString('en-US')} applications through both flows in ${r.seconds.toFixed(1)} s${r.invalid ? `; ${r.invalid} rows were not valid applications (${esc(r.invalidExamples.join(' | '))})` : ''}.</p>
<table><thead><tr><th></th><th>candidate</th><th>baseline</th></tr></thead><tbody>
<tr><th>approval rate</th><td>${pct(c.approvalRate)}</td><td>${pct(b.approvalRate)}</td></tr>
<tr><th>bad rate of the approved</th><td>${pct(c.approvedBadRate)}</td><td>${pct(b.approvedBadRate)}</td></tr>
${VERDICTS.map((v) => `<tr><th>${v}</th><td>${c.outcomes[v].toLocaleString('en-US')}</td><td>${b.outcomes[v].toLocaleString('en-US')}</td></tr>`).join('')}
<tr><th>expected profit</th><td>${num(c.expectedProfit)}</td><td>${num(b.expectedProfit)}</td></tr>
<tr><th>expected loss</th><td>${num(c.expectedLoss)}</td><td>${num(b.expectedLoss)}</td></tr>
<tr><th>realised profit</th><td>${num(c.realisedProfit)}</td><td>${num(b.realisedProfit)}</td></tr>
<tr><th>realised loss</th><td>${num(c.realisedLoss)}</td><td>${num(b.realisedLoss)}</td></tr>
</tbody></table>
${bars(
  'Decisions',
  VERDICTS.map((v) => ({ label: v, candidate: c.outcomes[v] / Math.max(1, r.rows), baseline: b.outcomes[v] / Math.max(1, r.rows) })),
  (x) => pct(x),
)}
${c.approvedBadRate !== null ? bars('Bad rate of the approved', [{ label: 'approved', candidate: c.approvedBadRate, baseline: b.approvedBadRate ?? 0 }], (x) => pct(x)) : ''}
<h2>Swap set</h2>
<table class="swap"><thead><tr><th></th><th>applications</th><th>share</th><th>bad rate</th></tr></thead><tbody>
<tr><td>swap-ins (candidate approves, baseline does not)</td><td>${r.swapIns.count.toLocaleString('en-US')}</td><td>${pct(r.swapIns.share)}</td><td>${pct(r.swapIns.badRate)}</td></tr>
<tr><td>swap-outs (baseline approves, candidate does not)</td><td>${r.swapOuts.count.toLocaleString('en-US')}</td><td>${pct(r.swapOuts.share)}</td><td>${pct(r.swapOuts.badRate)}</td></tr>
<tr><td>approved by both</td><td>${r.kept.count.toLocaleString('en-US')}</td><td>${pct(r.kept.share)}</td><td>${pct(r.kept.badRate)}</td></tr>
</tbody></table>
<table class="swap"><thead><tr><th>candidate ↓ / baseline →</th>${VERDICTS.map((v) => `<th>${v}</th>`).join('')}</tr></thead><tbody>${VERDICTS.map((cv) => `<tr><th>${cv}</th>${VERDICTS.map((bv) => `<td>${r.matrix[cv][bv].count.toLocaleString('en-US')}</td>`).join('')}</tr>`).join('')}</tbody></table>
<h2>Paths</h2>
${pathTable('candidate', c)}
${pathTable('baseline', b)}
</body></html>
`;
}
