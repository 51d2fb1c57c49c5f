import type { BatchResultRow } from '../store/index.ts';
import { csvLine } from '../support/csv-cell.ts';

/** The results file: one line per row of the submitted file, in its order. */
export function batchResultsCsv(rows: BatchResultRow[]): string {
  const lines = [csvLine(['row', 'decision_id', 'status', 'outcome', 'reasons', 'offer', 'error_code', 'error'])];
  for (const x of rows) {
    const result = x.result as { reasons?: { code?: string }[]; offer?: unknown } | null;
    lines.push(
      csvLine([
        x.row,
        x.decisionId,
        x.status,
        x.outcome,
        (result?.reasons ?? []).map((r) => r.code).join(';'),
        result?.offer ? JSON.stringify(result.offer) : '',
        x.errorCode,
        x.error,
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}
