import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { Logger } from 'pino';
import { FlowError } from '../flow/index.ts';
import { backtestHtml, backtestReport, runBacktestInWorkers, type BacktestSpec, type FlowBundle } from '../lifecycle/index.ts';
import { parseStrategy, StrategyError } from '../optimize/index.ts';
import {
  backtestProgress,
  claimBacktest,
  createBacktest,
  finishBacktest,
  getBacktest,
  getBacktestHtml,
  getFlowVersion,
  listBacktests,
  StoreError,
  type Actor,
  type BacktestRecord,
  type Database,
  type JobQueue,
} from '../store/index.ts';
import { ServiceError } from './service-error.ts';
import { dispatchJob } from './job-dispatch.ts';
import type { FlowCatalog } from '../flow/index.ts';

export interface BacktestRequest {
  candidate: { flow: string; version: number };
  baseline: { flow: string; version: number };
  csv: string;
  outcome?: { column: string; bad: string };
  strategy?: unknown;
}

/** Worker threads per back-test: every core but the one that answers requests. */
const BACKTEST_THREADS = Math.max(1, availableParallelism() - 1);

/**
 * Back-tests over the API: the request is checked and stored with its history, a job runs it
 * (any server's worker, or this process when there is no queue), progress is written as it
 * goes, and the report (aggregates only) stays; the history is dropped when the run ends.
 */
export class BacktestService {
  constructor(
    private readonly db: Database,
    private readonly queue: JobQueue | null,
    private readonly logger: Logger,
    private readonly catalog: FlowCatalog,
  ) {}

  private async compile(ref: { flow: string; version: number }, role: string) {
    try {
      return (await this.catalog.compileVersion(await getFlowVersion(this.db, ref.flow, ref.version), new Set())).flow;
    } catch (err) {
      if (err instanceof StoreError && err.code === 'not_found') throw new ServiceError('not_found', 'not_found', `${role}: ${err.message}`);
      if (err instanceof FlowError)
        throw new ServiceError('invalid', 'invalid_flow', `${role} ${ref.flow} version ${ref.version} does not compile: ${err.message}`, err.issues);
      throw err;
    }
  }

  private spec(req: Pick<BacktestRequest, 'outcome' | 'strategy'>): BacktestSpec {
    try {
      return { outcome: req.outcome, strategy: req.strategy === undefined ? undefined : parseStrategy(req.strategy) };
    } catch (err) {
      if (err instanceof StrategyError) throw new ServiceError('invalid', 'invalid_strategy', `strategy: ${err.message}`, err.issues);
      throw err;
    }
  }

  async start(req: BacktestRequest, by: Actor): Promise<BacktestRecord> {
    const spec = this.spec(req);
    await this.compile(req.candidate, 'candidate');
    await this.compile(req.baseline, 'baseline');
    const firstBreak = req.csv.indexOf('\n');
    const header = firstBreak < 0 ? req.csv : req.csv.slice(0, firstBreak);
    if (firstBreak < 0 || !req.csv.slice(firstBreak + 1).trim())
      throw new ServiceError('invalid', 'invalid_data', 'csv: a header line and at least one application are needed');
    if (
      spec.outcome &&
      !header
        .split(',')
        .map((h) => h.trim().replace(/^"|"$/g, ''))
        .includes(spec.outcome.column)
    )
      throw new ServiceError('invalid', 'invalid_data', `csv: no outcome column "${spec.outcome.column}" in the header (${header.slice(0, 200)})`);
    const rowsEstimated = req.csv
      .slice(firstBreak + 1)
      .split('\n')
      .filter((l) => l.trim()).length;
    const id = `bt_${Date.now().toString(36)}${randomBytes(6).toString('hex')}`;
    const job = dispatchJob(this.queue, 'backtest.run', id, (x) => this.run(x), this.logger, 'back-test');
    const record = await createBacktest(
      this.db,
      {
        id,
        candidate: req.candidate,
        baseline: req.baseline,
        spec: { outcome: req.outcome ?? null, strategy: req.strategy ?? null },
        data: req.csv,
        rowsEstimated,
      },
      by,
      job.enqueue,
    );
    job.committed();
    return record;
  }

  /** Runs a queued back-test; safe to call twice (only the first claim runs it). */
  async run(id: string): Promise<void> {
    const claimed = await claimBacktest(this.db, id);
    if (!claimed) return;
    const t0 = performance.now();
    try {
      const stored = claimed.spec as { outcome: BacktestRequest['outcome'] | null; strategy: unknown };
      const spec = this.spec({ outcome: stored.outcome ?? undefined, strategy: stored.strategy ?? undefined });
      const candidate = await this.bundle(claimed.candidate, 'candidate');
      const baseline = await this.bundle(claimed.baseline, 'baseline');
      let lastWrite = 0;
      // Worker threads run both flows over the history, never this thread, which answers requests:
      // a hostile flow or a large history must not hold up anyone's decisions.
      const stats = await runBacktestInWorkers({
        candidate: { bundle: candidate },
        baseline: { bundle: baseline },
        csv: claimed.data,
        spec,
        threads: BACKTEST_THREADS,
        onProgress: (rows) => {
          if (Date.now() - lastWrite < 1000) return;
          lastWrite = Date.now();
          backtestProgress(this.db, id, rows).catch(() => {});
        },
      });
      const report = backtestReport(stats, (performance.now() - t0) / 1000);
      const title = `Back-test: ${claimed.candidate.flow} v${claimed.candidate.version} against ${claimed.baseline.flow} v${claimed.baseline.version}`;
      await finishBacktest(this.db, id, { report, html: backtestHtml(report, title) });
      this.logger.info({ backtestId: id, rows: stats.rows, seconds: report.seconds }, 'back-test finished');
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.logger.warn({ backtestId: id, code: (err as { code?: string }).code }, 'back-test failed');
      await finishBacktest(this.db, id, { error: message });
    }
  }

  /** A stored version, checked to compile here, with everything it names for the worker threads. */
  private async bundle(ref: { flow: string; version: number }, role: string): Promise<FlowBundle> {
    await this.compile(ref, role);
    return this.catalog.bundle(await getFlowVersion(this.db, ref.flow, ref.version));
  }

  list(limit: number): Promise<BacktestRecord[]> {
    return listBacktests(this.db, limit);
  }

  get(id: string): Promise<BacktestRecord> {
    return getBacktest(this.db, id);
  }

  /** The report as a page to open in a browser, once the run has finished. */
  async html(id: string): Promise<string> {
    const html = await getBacktestHtml(this.db, id);
    if (html === null) throw new ServiceError('conflict', 'not_ready', `back-test ${id} has no report yet; its status is in GET /v1/backtests/${id}`);
    return html;
  }

  async startWorker(): Promise<void> {
    if (!this.queue) return;
    await this.queue.work<{ id: string }>('backtest.run', async ({ id }) => this.run(id));
  }
}
