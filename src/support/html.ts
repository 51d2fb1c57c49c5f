/**
 * Pieces of the self-contained HTML reports (model card, impact assessment): every text that
 * reaches the page comes from data an analyst or applicant wrote, so every text is escaped.
 */

export const escapeHtml = (s: unknown): string =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A table with one header row; every cell escaped. */
export function htmlTable(head: string[], rows: unknown[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}
