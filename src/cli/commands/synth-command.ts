import { Command } from 'commander';
import { numberOption } from '../number-option.ts';

const integer = (value: string, flag: string, min: number) => numberOption(value, flag, { min, integer: true });

export function synthCommand(): Command {
  return new Command('synth')
    .description('generate synthetic applicants with a known true PD, a simulated default, LGD and EAD (see docs/synth.md)')
    .requiredOption('--rows <n>', 'how many applications')
    .requiredOption('--out <file.csv>', 'where to write them')
    .option('--seed <n>', 'seed: the same seed gives the same file', '42')
    .option('--months <m>', 'application months to spread the rows over', '24')
    .option('--drift-at <month>', 'from this month on the population and the true PD change')
    .option('--extra-features <k>', 'add k numeric columns (weak signals and noise) for wide benchmarks', '0')
    .action(async (flags: { rows: string; out: string; seed: string; months: string; driftAt?: string; extraFeatures: string }) => {
      const months = integer(flags.months, 'months', 1);
      const driftAt = flags.driftAt === undefined ? null : integer(flags.driftAt, 'drift-at', 1);
      if (driftAt !== null && driftAt >= months) throw new Error(`--drift-at ${driftAt}: must fall inside the ${months} months (0 to ${months - 1})`);
      const { generatePopulation, writePopulationCsv } = await import('../../tools/synth/index.ts');
      const t0 = performance.now();
      const pop = generatePopulation({
        rows: integer(flags.rows, 'rows', 1),
        seed: integer(flags.seed, 'seed', 0),
        months,
        driftAt,
        extraFeatures: integer(flags.extraFeatures, 'extra-features', 0),
      });
      writePopulationCsv(pop, flags.out);
      const defaults = pop.columns.find((c) => c.name === 'defaulted')!.values as Float64Array;
      const rate = defaults.reduce((s, d) => s + d, 0) / pop.rows;
      console.log(
        `wrote ${pop.rows} applications (${pop.features.length} features, default rate ${(rate * 100).toFixed(2)}%) to ${flags.out} in ${((performance.now() - t0) / 1000).toFixed(1)}s`,
      );
    });
}
