import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import type { BacktestReport } from '../../lifecycle/index.ts';
import { progressBar } from '../progress-bar.ts';
import { readJsonFile } from '../read-json.ts';

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(2)}%`);
const num = (x: number | null) => (x === null ? '–' : Math.round(x).toLocaleString('en-US'));

function print(r: BacktestReport): void {
  const c = r.candidate;
  const b = r.baseline;
  console.log(
    `${r.rows} applications through both flows in ${r.seconds.toFixed(1)}s${r.invalid ? `; ${r.invalid} invalid rows skipped (${r.invalidExamples[0]})` : ''}`,
  );
  console.log(`                       candidate     baseline`);
  const line = (name: string, x: string, y: string) => console.log(`  ${name.padEnd(20)} ${x.padStart(10)}   ${y.padStart(10)}`);
  line('approval rate', pct(c.approvalRate), pct(b.approvalRate));
  line('approved bad rate', pct(c.approvedBadRate), pct(b.approvedBadRate));
  line('declined', String(c.outcomes.decline), String(b.outcomes.decline));
  line('referred / review', String(c.outcomes.refer + c.outcomes.review), String(b.outcomes.refer + b.outcomes.review));
  line('expected profit', num(c.expectedProfit), num(b.expectedProfit));
  line('expected loss', num(c.expectedLoss), num(b.expectedLoss));
  line('realised profit', num(c.realisedProfit), num(b.realisedProfit));
  line('realised loss', num(c.realisedLoss), num(b.realisedLoss));
  console.log(`  swap-ins  ${r.swapIns.count} (${pct(r.swapIns.share)}), bad rate ${pct(r.swapIns.badRate)}`);
  console.log(`  swap-outs ${r.swapOuts.count} (${pct(r.swapOuts.share)}), bad rate ${pct(r.swapOuts.badRate)}`);
  console.log(`  paths: candidate ${c.distinctPaths}, baseline ${b.distinctPaths} distinct`);
}

export function backtestCommand(): Command {
  return new Command('backtest')
    .description(
      'run a candidate flow and the current one over historical applications and compare them: approvals, swap-ins and swap-outs with their bad rates, profit and loss, paths',
    )
    .requiredOption('--flow <candidate.json>', 'the candidate flow')
    .requiredOption('--baseline <current.json>', 'the flow it would replace')
    .requiredOption('--data <F.csv>', 'historical applications, with their outcome where known')
    .option('--outcome <column>', 'the outcome column')
    .option('--bad <value>', 'the outcome value that means default', '1')
    .option('--strategy <S.json>', 'economics to value the approved loans whose outcome is known (realised profit and loss)')
    .option('--threads <n>', 'worker threads (default: one per core)')
    .option('--html <report.html>', 'write the report as a page with charts')
    .option('--json', 'print the report as JSON')
    .action(
      async (flags: {
        flow: string;
        baseline: string;
        data: string;
        outcome?: string;
        bad: string;
        strategy?: string;
        threads?: string;
        html?: string;
        json?: boolean;
      }) => {
        const threads = flags.threads === undefined ? undefined : Number(flags.threads);
        if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 64))
          throw new Error(`--threads ${flags.threads}: an integer from 1 to 64`);
        const { backtestHtml, backtestReport, runBacktest } = await import('../../lifecycle/index.ts');
        const { parseStrategy } = await import('../../optimize/index.ts');
        const strategy = flags.strategy ? parseStrategy(readJsonFile(flags.strategy, 'strategy')) : undefined;
        const bar = progressBar('applications');
        const t0 = performance.now();
        const stats = await runBacktest({
          candidate: { file: resolve(flags.flow) },
          baseline: { file: resolve(flags.baseline) },
          file: flags.data,
          spec: { outcome: flags.outcome ? { column: flags.outcome, bad: flags.bad } : undefined, strategy },
          threads,
          onProgress: (done, of) => bar.update(done, of),
        });
        bar.done();
        if (stats.rows === 0)
          throw new Error(
            `no row of ${flags.data} is a valid application for both flows${stats.invalidExamples[0] ? `: ${stats.invalidExamples[0]}` : ' (the file has no data rows)'}`,
          );
        const report = backtestReport(stats, (performance.now() - t0) / 1000);
        if (flags.html) writeFileSync(flags.html, backtestHtml(report, `Back-test: ${flags.flow} against ${flags.baseline}`));
        if (flags.json) console.log(JSON.stringify(report, null, 2));
        else print(report);
      },
    );
}
