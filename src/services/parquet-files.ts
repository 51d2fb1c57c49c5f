import type { BatchResultRow } from '../store/index.ts';
import { resultCells } from './batch-results-csv.ts';
import { ServiceError } from './service-error.ts';

/** JSON has no 64-bit integers or dates: Parquet's become numbers and ISO strings, as a CSV's would be read. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** The rows of a Parquet file as applications, one object a row; null values are left out. */
export async function applicationsFromParquet(bytes: Uint8Array): Promise<Record<string, unknown>[]> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let rows: Record<string, unknown>[];
  try {
    // Loaded with the first Parquet file, not by every server and command.
    const { parquetReadObjects } = await import('hyparquet');
    rows = (await parquetReadObjects({ file })) as Record<string, unknown>[];
  } catch (err) {
    throw new ServiceError('invalid', 'invalid_file', `the file is not a Parquet file Arbiter can read: ${(err as Error).message}`);
  }
  return rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) if (v !== null && v !== undefined) out[k] = plain(v);
    return out;
  });
}

/** The results file as Parquet: the columns of the CSV, typed. */
export async function batchResultsParquet(rows: BatchResultRow[]): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const cells = rows.map(resultCells);
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'row', data: Int32Array.from(rows, (x) => x.row), type: 'INT32', nullable: false },
      { name: 'decision_id', data: rows.map((x) => x.decisionId), type: 'STRING' },
      { name: 'status', data: rows.map((x) => x.status), type: 'STRING' },
      { name: 'outcome', data: rows.map((x) => x.outcome), type: 'STRING' },
      { name: 'reasons', data: cells.map((c) => c.reasons), type: 'STRING' },
      { name: 'offer', data: cells.map((c) => c.offer), type: 'STRING' },
      { name: 'error_code', data: rows.map((x) => x.errorCode), type: 'STRING' },
      { name: 'error', data: rows.map((x) => x.error), type: 'STRING' },
    ],
  });
  return new Uint8Array(buffer);
}
