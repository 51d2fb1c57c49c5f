export { runBacktest, runBacktestInWorkers, type BacktestRun } from './run-backtest.ts';
export { runRows, type BacktestSpec } from './run-rows.ts';
export { emptyStats, mergeStats, type BacktestStats, type Verdict } from './backtest-stats.ts';
export { backtestReport, type BacktestReport, type FlowSummary } from './backtest-report.ts';
export { backtestHtml } from './report-html.ts';
export type { FlowSource } from './flow-source.ts';
export { compileBundle, type FlowBundle } from '../../flow/index.ts';
