import { writeFileSync } from 'node:fs';
import { csvLine } from '../../support/csv-cell.ts';
import { Command } from 'commander';
import { progressBar } from '../progress-bar.ts';
import { readJsonFile } from '../read-json.ts';

async function readData(path: string) {
  const { readCsv, readJsonLines } = await import('../../models/index.ts');
  return path.endsWith('.jsonl') || path.endsWith('.ndjson') ? readJsonLines(path) : readCsv(path);
}
const money = (x: number) => Math.round(x).toLocaleString('en-US');

export function optimizeCommand(): Command {
  return new Command('optimize')
    .description(
      'choose the action for every application (decline, or a limit and a rate) for the most expected profit under the portfolio constraints of a strategy (see docs/optimize.md)',
    )
    .requiredOption('--data <F.csv|F.jsonl>', 'applications, with a PD column or --scores')
    .requiredOption('--strategy <S.json>', 'offers, economics, affordability and portfolio constraints')
    .option('--scores <S.csv>', 'PDs from arbiter score, row for row with --data')
    .option('--out <decisions.csv>', 'the chosen action per application')
    .option('--cutoffs <cutoffs.json>', 'per-segment PD cutoffs closest to the chosen actions, for flows')
    .option('--frontier <frontier.json>', 'trace the efficient frontier (expected profit against expected loss rate); an SVG chart is written beside it')
    .option('--points <n>', 'points on the frontier', '12')
    .option('--json', 'print JSON')
    .action(
      async (flags: { data: string; strategy: string; scores?: string; out?: string; cutoffs?: string; frontier?: string; points: string; json?: boolean }) => {
        const { frontierSvg, optimizePortfolio, parseStrategy } = await import('../../optimize/index.ts');
        const strategy = parseStrategy(readJsonFile(flags.strategy, 'strategy'));
        let points = 0;
        if (flags.frontier) {
          points = Number(flags.points);
          if (!Number.isInteger(points) || points < 2 || points > 100) throw new Error(`--points ${flags.points}: an integer from 2 to 100`);
        }
        const bar = points ? progressBar('frontier points') : null;
        const { choices, ...summary } = await optimizePortfolio(await readData(flags.data), strategy, {
          scores: flags.scores ? await readData(flags.scores) : null,
          frontierPoints: points,
          onFrontierPoint: bar?.update,
        });
        bar?.done();
        if (flags.out) {
          const lines = [csvLine(['row', 'action', 'limit', 'rate', 'expected_profit', 'expected_loss'])];
          choices.forEach((c, i) =>
            lines.push(
              csvLine([
                i + 1,
                c.approve ? 'approve' : 'decline',
                c.limit === null ? null : c.limit.toFixed(2),
                c.rate ?? null,
                c.expectedProfit.toFixed(2),
                c.expectedLoss.toFixed(2),
              ]),
            ),
          );
          writeFileSync(flags.out, `${lines.join('\n')}\n`);
        }
        if (flags.cutoffs)
          writeFileSync(
            flags.cutoffs,
            `${JSON.stringify({ strategy: strategy.name ?? flags.strategy, segmentColumn: strategy.portfolio.segment ?? null, shadowPrices: Object.fromEntries(summary.constraints.map((c) => [c.name, c.shadowPrice])), segments: summary.cutoffs }, null, 2)}\n`,
          );
        if (flags.frontier && summary.frontier) {
          writeFileSync(flags.frontier, `${JSON.stringify(summary.frontier, null, 2)}\n`);
          writeFileSync(`${flags.frontier.replace(/\.json$/i, '')}.svg`, frontierSvg(summary.frontier, `Efficient frontier: ${strategy.name ?? 'strategy'}`));
        }
        const { frontier, cutoffs } = summary;
        if (flags.json) {
          console.log(JSON.stringify(summary, null, 2));
          return;
        }
        console.log(`${summary.applications} applications x ${summary.actions} actions, solved in ${summary.seconds.toFixed(2)}s (${summary.method})`);
        console.log(
          `expected profit ${money(summary.objective)} (LP bound ${money(summary.upperBound)}); approval rate ${(summary.approvalRate * 100).toFixed(1)}%, expected volume ${money(summary.expectedVolume)}, expected loss rate ${(summary.expectedLossRate * 100).toFixed(2)}%`,
        );
        for (const c of summary.constraints)
          console.log(
            `  ${c.binding ? 'binding' : 'slack  '}  ${c.label.padEnd(44)} now ${+c.value.toPrecision(5)}   shadow price ${+c.shadowPrice.toPrecision(4)}`,
          );
        for (const [g, c] of Object.entries(cutoffs))
          console.log(
            `  segment ${g}: approve ${(c.approvalRate * 100).toFixed(1)}% of ${c.applications}; PD cutoff ${c.maxPd.toFixed(4)} reproduces ${(c.agreement * 100).toFixed(1)}% of the choices`,
          );
        if (frontier) console.log(`frontier: ${frontier.length} points written to ${flags.frontier} and ${flags.frontier!.replace(/\.json$/i, '')}.svg`);
      },
    );
}
