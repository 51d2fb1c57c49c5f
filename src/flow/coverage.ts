import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { CompiledFlow, FlowResult } from './compile.ts';
import type { FieldDefinition } from './definition.ts';
import { FlowError } from './flow-error.ts';
import { enumeratePaths, pathKey } from './paths.ts';

export interface PathCoverage {
  key: string;
  steps: string[];
  conditions: string[];
  outcome: string;
  /** Applications that took this path, by the outcome they got. */
  taken: number;
}

export interface CoverageReport {
  applications: number;
  completed: number;
  pendingReview: number;
  invalid: number;
  paths: PathCoverage[];
  neverTaken: number;
  outcomes: Record<string, number>;
}

/** CSV cells are text: read them as the flow's input schema types them. Empty cells are missing. */
function typedRow(fields: Record<string, FieldDefinition>, row: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, raw] of Object.entries(row)) {
    if (raw === '' || !(k in fields)) continue;
    const f = fields[k]!;
    if (f.type === 'number') out[k] = Number(raw);
    else if (f.type === 'boolean') out[k] = raw === 'true' || raw === '1' || raw === 'TRUE';
    else out[k] = raw;
  }
  return out;
}

export function readApplications(file: string, fields: Record<string, FieldDefinition>): Record<string, unknown>[] {
  return parseApplications(readFileSync(file, 'utf8'), file.endsWith('.jsonl') || file.endsWith('.ndjson') ? 'jsonl' : 'csv', fields, file);
}

/**
 * Applications from the text of a CSV file (a header row; values typed by the flow's input
 * schema, empty cells left out) or of JSON lines (one object per line). `label` names the file
 * in errors, with the line.
 */
export function parseApplications(text: string, format: 'csv' | 'jsonl', fields: Record<string, FieldDefinition>, label: string): Record<string, unknown>[] {
  if (format === 'jsonl') {
    return text
      .split('\n')
      .filter((l) => l.trim())
      .map((line, i) => {
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (err) {
          throw new FlowError('invalid_data', [{ path: `${label}:${i + 1}`, code: 'invalid_json', message: (err as Error).message }]);
        }
        if (!value || typeof value !== 'object' || Array.isArray(value))
          throw new FlowError('invalid_data', [
            { path: `${label}:${i + 1}`, code: 'not_an_object', message: 'each line must be one JSON object: an application' },
          ]);
        return value as Record<string, unknown>;
      });
  }
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (err) {
    throw new FlowError('invalid_data', [{ path: label, code: 'invalid_csv', message: (err as Error).message }]);
  }
  return rows.map((r) => typedRow(fields, r));
}

/** Runs applications through the flow and counts, per enumerated path, how many took it. */
export async function pathCoverage(flow: CompiledFlow, applications: Record<string, unknown>[]): Promise<CoverageReport> {
  const { paths } = enumeratePaths(flow.definition);
  const byKey = new Map<string, PathCoverage>(
    paths.map((p) => [pathKey(p.steps), { key: pathKey(p.steps), steps: p.steps, conditions: p.conditions, outcome: p.outcome, taken: 0 }]),
  );
  const report: CoverageReport = { applications: applications.length, completed: 0, pendingReview: 0, invalid: 0, paths: [], neverTaken: 0, outcomes: {} };
  for (const app of applications) {
    let result: FlowResult;
    try {
      result = await flow.run(app, { trace: false });
    } catch (err) {
      if (err instanceof FlowError) {
        report.invalid++;
        continue;
      }
      throw err;
    }
    if (result.status === 'pending_review') {
      report.pendingReview++;
      report.outcomes.pending_review = (report.outcomes.pending_review ?? 0) + 1;
      continue;
    }
    report.completed++;
    report.outcomes[result.output.outcome] = (report.outcomes[result.output.outcome] ?? 0) + 1;
    const cov = byKey.get(pathKey(result.path));
    if (cov) cov.taken++;
  }
  report.paths = [...byKey.values()];
  report.neverTaken = report.paths.filter((p) => p.taken === 0).length;
  return report;
}
