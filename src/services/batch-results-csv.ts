import type { BatchResultRow } from '../store/index.ts';
import { csvLine } from '../support/csv-cell.ts';

/** A row's reason codes (`;`-separated) and its offer as JSON (null without one), as both results files show them. */
export function resultCells(x: BatchResultRow): { reasons: string; offer: string | null } {
  const result = x.result as { reasons?: { code?: string }[]; offer?: unknown } | null;
  return { reasons: (result?.reasons ?? []).map((r) => r.code).join(';'), offer: result?.offer ? JSON.stringify(result.offer) : null };
}

/** The results file: one line per row of the submitted file, in its order. */
export function batchResultsCsv(rows: BatchResultRow[]): string {
  const lines = [csvLine(['row', 'decision_id', 'status', 'outcome', 'reasons', 'offer', 'error_code', 'error'])];
  for (const x of rows) {
    const { reasons, offer } = resultCells(x);
    lines.push(csvLine([x.row, x.decisionId, x.status, x.outcome, reasons, offer ?? '', x.errorCode, x.error]));
  }
  return `${lines.join('\n')}\n`;
}
