import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { readCsv, readJsonLines, type Frame } from '../../models/index.ts';
import { applicantsFromFrame, candidateMatrix, efficientFrontier, frontierSvg, parseStrategy, portfolioConstraints, segmentCutoffs, solvePortfolio } from '../../optimize/index.ts';
import { progressBar } from '../progress-bar.ts';
import { readJsonFile } from '../read-json.ts';

const readData = (path: string): Frame => (path.endsWith('.jsonl') || path.endsWith('.ndjson') ? readJsonLines(path) : readCsv(path));
const money = (x: number) => Math.round(x).toLocaleString('en-US');

export function optimizeCommand(): Command {
  return new Command('optimize')
    .description('choose the action for every application (decline, or a limit and a rate) for the most expected profit under the portfolio constraints of a strategy (see docs/optimize.md)')
    .requiredOption('--data <F.csv|F.jsonl>', 'applications, with a PD column or --scores')
    .requiredOption('--strategy <S.json>', 'offers, economics, affordability and portfolio constraints')
    .option('--scores <S.csv>', 'PDs from arbiter score, row for row with --data')
    .option('--out <decisions.csv>', 'the chosen action per application')
    .option('--cutoffs <cutoffs.json>', 'per-segment PD cutoffs closest to the chosen actions, for flows')
    .option('--frontier <frontier.json>', 'trace the efficient frontier (expected profit against expected loss rate); an SVG chart is written beside it')
    .option('--points <n>', 'points on the frontier', '12')
    .option('--json', 'print JSON')
    .action(async (flags: { data: string; strategy: string; scores?: string; out?: string; cutoffs?: string; frontier?: string; points: string; json?: boolean }) => {
      const strategy = parseStrategy(readJsonFile(flags.strategy, 'strategy'));
      const { applicants, segments } = applicantsFromFrame(readData(flags.data), strategy, flags.scores ? readData(flags.scores) : null);
      const t0 = performance.now();
      const m = candidateMatrix(applicants, strategy);
      const cons = portfolioConstraints(m, strategy, segments);
      const sol = await solvePortfolio(m, cons);
      const seconds = (performance.now() - t0) / 1000;
      const A = m.actions.length;
      let approved = 0;
      let volume = 0;
      let loss = 0;
      for (let i = 0; i < m.rows; i++) {
        const j = i * A + sol.choice[i]!;
        approved += m.actions[sol.choice[i]!]!.approve ? 1 : 0;
        volume += m.volume[j]!;
        loss += m.loss[j]!;
      }
      const cutoffs = segmentCutoffs(m, applicants, sol.choice, segments);
      if (flags.out) {
        const lines = ['row,action,limit,rate,expected_profit,expected_loss'];
        for (let i = 0; i < m.rows; i++) {
          const a = m.actions[sol.choice[i]!]!;
          const j = i * A + sol.choice[i]!;
          lines.push(`${i + 1},${a.approve ? 'approve' : 'decline'},${a.approve ? (applicants[i]!.amount * a.limitFactor).toFixed(2) : ''},${a.approve ? a.rate : ''},${m.profit[j]!.toFixed(2)},${m.loss[j]!.toFixed(2)}`);
        }
        writeFileSync(flags.out, `${lines.join('\n')}\n`);
      }
      if (flags.cutoffs) writeFileSync(flags.cutoffs, `${JSON.stringify({ strategy: strategy.name ?? flags.strategy, segmentColumn: strategy.portfolio.segment ?? null, shadowPrices: Object.fromEntries(sol.constraints.map((c) => [c.name, c.shadowPrice])), segments: cutoffs }, null, 2)}\n`);
      let frontier = null;
      if (flags.frontier) {
        const points = Number(flags.points);
        if (!Number.isInteger(points) || points < 2 || points > 100) throw new Error(`--points ${flags.points}: an integer from 2 to 100`);
        const bar = progressBar('frontier points');
        frontier = await efficientFrontier(m, strategy, segments, points, bar.update);
        bar.done();
        writeFileSync(flags.frontier, `${JSON.stringify(frontier, null, 2)}\n`);
        writeFileSync(flags.frontier.replace(/\.json$/i, '') + '.svg', frontierSvg(frontier, `Efficient frontier: ${strategy.name ?? 'strategy'}`));
      }
      const summary = {
        applications: m.rows,
        actions: A,
        objective: sol.objective,
        upperBound: sol.upperBound,
        approvalRate: approved / m.rows,
        expectedVolume: volume,
        expectedLossRate: volume > 0 ? loss / volume : 0,
        method: sol.method,
        seconds,
        constraints: sol.constraints,
        cutoffs,
        frontier,
      };
      if (flags.json) {
        console.log(JSON.stringify(summary, null, 2));
        return;
      }
      console.log(`${m.rows} applications x ${A} actions, solved in ${seconds.toFixed(2)}s (${sol.method})`);
      console.log(`expected profit ${money(sol.objective)} (LP bound ${money(sol.upperBound)}); approval rate ${(summary.approvalRate * 100).toFixed(1)}%, expected volume ${money(volume)}, expected loss rate ${(summary.expectedLossRate * 100).toFixed(2)}%`);
      for (const c of sol.constraints) console.log(`  ${c.binding ? 'binding' : 'slack  '}  ${c.label.padEnd(44)} now ${+c.value.toPrecision(5)}   shadow price ${+c.shadowPrice.toPrecision(4)}`);
      for (const [g, c] of Object.entries(cutoffs)) console.log(`  segment ${g}: approve ${(c.approvalRate * 100).toFixed(1)}% of ${c.applications}; PD cutoff ${c.maxPd.toFixed(4)} reproduces ${(c.agreement * 100).toFixed(1)}% of the choices`);
      if (frontier) console.log(`frontier: ${frontier.length} points written to ${flags.frontier} and ${flags.frontier!.replace(/\.json$/i, '')}.svg`);
    });
}
