import { escapeHtml as esc, htmlTable } from '../support/html.ts';
import type { ImpactAssessment } from './impact-assessment.ts';

/** A table of the rows, or "None." when there are none: an empty section still says so. */
const table = (head: string[], rows: unknown[][]) => (rows.length ? htmlTable(head, rows) : '<p>None.</p>');

/** The assessment as one self-contained HTML page; every value is escaped. */
export function impactAssessmentHtml(a: ImpactAssessment): string {
  const share =
    a.automation.automatedShare === null ? 'no decisions in the window' : `${(a.automation.automatedShare * 100).toFixed(1)}% decided without a person`;
  const parts = [
    `<p>Flow <b>${esc(a.flow.id)}</b> version ${esc(a.flow.version)} (${esc(a.flow.status)}, content ${esc(a.flow.contentHash.slice(0, 16))}), assessed ${esc(a.generatedAt)}.</p>`,
    `<h2>Personal data read</h2>${table(
      ['field', 'type', 'class', 'required', 'searchable', 'read by'],
      a.personalData.map((p) => [p.field, p.type, p.class, p.required ? 'yes' : 'no', p.searchable ? 'yes' : 'no', p.readBy.join(', ') || '–']),
    )}`,
    `<h2>Consents required</h2>${table(
      ['scope', 'needed by'],
      a.consents.map((c) => [c.scope, c.neededBy.join(', ')]),
    )}`,
    `<h2>Credit bureaus called</h2>${table(
      ['node', 'connector', 'consent scope', 'returns'],
      a.bureaus.map((b) => [b.node, b.connector, b.consentScope ?? '–', b.returns.map((r) => `${r.field} (${r.class})`).join(', ')]),
    )}`,
    `<h2>Models used</h2>${table(
      ['node', 'model', 'kind', 'features', 'personal features'],
      a.models.map((m) => [m.node, m.model, m.kind ?? '–', m.features.join(', '), m.personalFeatures.join(', ') || '–']),
    )}`,
    `<h2>Where a person takes part</h2>${table(
      ['node', 'queue', 'reason'],
      a.humanReview.map((h) => [h.node, h.queue ?? '–', h.reason]),
    )}`,
    `<h2>Automated decision-making</h2><p>Since ${esc(a.automation.since)}: ${esc(a.automation.decisions)} decisions, ${esc(a.automation.reviewed)} with a person, ${esc(a.automation.contested)} contested; ${esc(share)}.</p>`,
    `<h2>Retention</h2><p>Personal data is kept ${esc(a.retention.days)} days unless a legal hold keeps it longer; the records of declines and refers ${esc(a.retention.adverseActionMonths)} months.</p>`,
    `<h2>Who may see personal data unmasked</h2>${table(
      ['role', 'purposes', 'condition'],
      a.reveal.map((r) => [r.role, r.purposes.join(', '), r.condition]),
    )}`,
    `<h2>The applicant's rights</h2>${table(
      ['right', 'how'],
      a.applicantRights.map((r) => [r.right, r.how]),
    )}`,
    `<h2>Findings</h2>${a.findings.length ? `<ul>${a.findings.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>` : '<p>None.</p>'}`,
  ];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Impact assessment: ${esc(a.flow.id)} v${esc(a.flow.version)}</title><style>
body{font:14px/1.45 system-ui,sans-serif;margin:2em;max-width:64em;color:#1b1f24}table{border-collapse:collapse;margin:.5em 0 1em}
th,td{border:1px solid #d0d7de;padding:.25em .6em;text-align:left;vertical-align:top}th{background:#f6f8fa}
</style></head><body><h1>Personal information impact assessment</h1>${parts.join('\n')}</body></html>`;
}
