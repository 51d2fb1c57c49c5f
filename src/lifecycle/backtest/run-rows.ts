import { FlowError, type CompiledFlow, type FieldDefinition, type FlowResult } from '../../flow/index.ts';
import { actionValue, type Strategy } from '../../optimize/index.ts';
import { addDecision, addSwap, type BacktestStats } from './backtest-stats.ts';

export interface BacktestSpec {
  /** The outcome column and the value that means default; without it bad rates are unknown. */
  outcome?: { column: string; bad: string };
  /** Economics (and column names) to value approved loans whose outcome is known. */
  strategy?: Strategy;
}

/** Reads a CSV row (cells by header position) as the flows' input fields type it. */
function rowReader(header: readonly string[], fields: Record<string, FieldDefinition>) {
  const used = header.map((name, j) => ({ name, j, f: fields[name] })).filter((c) => c.f);
  return (cells: readonly string[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const { name, j, f } of used) {
      const raw = cells[j];
      if (raw === undefined || raw === '') continue;
      if (f!.type === 'number') out[name] = Number(raw);
      else if (f!.type === 'boolean') out[name] = raw === 'true' || raw === '1' || raw === 'TRUE';
      else out[name] = raw;
    }
    return out;
  };
}

/**
 * Runs each row through the candidate and the baseline flow and counts what they decided.
 * Bureau nodes, if any, pull as they would live: back-test flows that read bureau data from
 * the history instead.
 */
export async function runRows(
  candidate: CompiledFlow,
  baseline: CompiledFlow,
  header: readonly string[],
  rows: Iterable<readonly string[]>,
  spec: BacktestSpec,
  stats: BacktestStats,
  onRows?: (done: number) => void,
): Promise<void> {
  // Each flow gets its own fields: a flow refuses fields it does not declare.
  const readCandidate = rowReader(header, candidate.definition.input.fields);
  const readBaseline = rowReader(header, baseline.definition.input.fields);
  const col = (name: string | undefined) => (name === undefined ? -1 : header.indexOf(name));
  const outcomeAt = col(spec.outcome?.column);
  if (spec.outcome && outcomeAt < 0) throw new Error(`the data has no outcome column "${spec.outcome.column}" (columns: ${header.join(', ')})`);
  const s = spec.strategy;
  const at = s ? { amount: col(s.columns.amount), term: col(s.columns.term), lgd: col(s.columns.lgd), ead: col(s.columns.ead) } : null;
  // Realised value: the loan as it turned out (PD 1 or 0), weighted by take-up as the expected value is.
  const valuation = s ?? null;
  const value = (r: FlowResult, cells: readonly string[], bad: boolean | null) => {
    if (!valuation || !at || bad === null || r.status !== 'completed' || r.output.outcome !== 'approve') return null;
    const offer = r.output.offer as Record<string, unknown>;
    const asked = Number(cells[at.amount]);
    const limit = typeof offer.limit === 'number' ? offer.limit : typeof offer.amount === 'number' ? offer.amount : asked;
    const rate = typeof offer.rate === 'number' ? offer.rate : null;
    const term = typeof offer.term === 'number' ? offer.term : Number(cells[at.term]);
    if (rate === null || !(limit > 0) || !(term > 0) || !(asked > 0)) return null;
    const v = actionValue(
      {
        pd: bad ? 1 : 0,
        amount: asked,
        termMonths: term,
        monthlyIncome: 1,
        monthlyDebt: 0,
        lgd: at.lgd >= 0 ? Number(cells[at.lgd]) : undefined,
        ead: at.ead >= 0 ? Number(cells[at.ead]) : undefined,
      },
      { approve: true, limitFactor: limit / asked, rate },
      valuation,
    );
    return { profit: v.profit, loss: v.loss };
  };
  let done = 0;
  for (const cells of rows) {
    const bad = outcomeAt < 0 || cells[outcomeAt] === '' || cells[outcomeAt] === undefined ? null : cells[outcomeAt] === spec.outcome!.bad;
    let c: FlowResult;
    let b: FlowResult;
    try {
      c = await candidate.run(readCandidate(cells), { trace: false });
      b = await baseline.run(readBaseline(cells), { trace: false });
    } catch (err) {
      if (!(err instanceof FlowError)) throw err;
      stats.invalid++;
      if (stats.invalidExamples.length < 5) stats.invalidExamples.push(`${err.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
      continue;
    }
    stats.rows++;
    addDecision(stats.candidate, c, bad, value(c, cells, bad));
    addDecision(stats.baseline, b, bad, value(b, cells, bad));
    addSwap(stats, c, b, bad);
    if (++done % 5000 === 0) onRows?.(done);
  }
  onRows?.(done);
}
