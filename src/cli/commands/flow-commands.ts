import { Command } from 'commander';
import { readJsonFile } from '../read-json.ts';
import type { ReviewVerdict } from '../../flow/index.ts';

export function pathsCommand(): Command {
  return new Command('paths')
    .description('enumerate every path from input to an output; with --data, count the applications that take each')
    .requiredOption('--flow <F.json>', 'the flow definition')
    .option('--data <F.csv|F.jsonl>', 'applications to run through the flow')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'stop enumerating after this many paths', '100000')
    .action(async (flags: { flow: string; data?: string; json?: boolean; limit: string }) => {
      const { enumeratePaths, loadFlowFile, pathCoverage, readApplications } = await import('../../flow/index.ts');
      const flow = await loadFlowFile(flags.flow);
      if (!flags.data) {
        const { paths, truncated } = enumeratePaths(flow.definition, Number(flags.limit));
        if (flags.json) return console.log(JSON.stringify({ count: paths.length, truncated, paths }, null, 2));
        paths.forEach((p, i) => console.log(`#${i + 1} ${p.outcome.padEnd(8)} ${p.steps.join(' > ')}\n     when ${p.conditions.join('; ') || 'always'}`));
        const byOutcome: Record<string, number> = {};
        for (const p of paths) byOutcome[p.outcome] = (byOutcome[p.outcome] ?? 0) + 1;
        console.log(
          `${paths.length} distinct paths${truncated ? ' (truncated)' : ''}: ${Object.entries(byOutcome)
            .map(([o, n]) => `${n} ${o}`)
            .join(', ')}`,
        );
        return;
      }
      const applications = readApplications(flags.data, flow.definition.input.fields);
      const report = await pathCoverage(flow, applications);
      if (flags.json) return console.log(JSON.stringify(report, null, 2));
      const taken = report.paths.filter((p) => p.taken > 0).sort((a, b) => b.taken - a.taken);
      for (const p of taken) console.log(`${String(p.taken).padStart(7)}  ${p.outcome.padEnd(8)} ${p.key}`);
      console.log(
        `${report.applications} applications: ${report.completed} decided, ${report.pendingReview} waiting for review, ${report.invalid} invalid; outcomes ${JSON.stringify(report.outcomes)}`,
      );
      console.log(`${taken.length} of ${report.paths.length} paths taken, ${report.neverTaken} never taken`);
    });
}

export function decideCommand(): Command {
  return new Command('decide')
    .description('run one application through a flow and print the decision, the path and the trace')
    .requiredOption('--flow <F.json>', 'the flow definition')
    .requiredOption('--input <app.json>', 'the application')
    .option(
      '--review <node=verdict>',
      'a review verdict to apply (approve or decline), e.g. riskReview=approve',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--consent <scope>', 'a consent the applicant gave now, e.g. credit-bureau (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .action(async (flags: { flow: string; input: string; review: string[]; consent: string[] }) => {
      const { loadFlowFile } = await import('../../flow/index.ts');
      const flow = await loadFlowFile(flags.flow);
      const reviews: Record<string, ReviewVerdict> = {};
      for (const r of flags.review) {
        const [node, verdict] = r.split('=');
        if (!node || (verdict !== 'approve' && verdict !== 'decline')) throw new Error(`--review must be node=approve or node=decline, got "${r}"`);
        reviews[node] = { verdict, note: 'given on the command line', reviewer: 'cli' };
      }
      const consents = flags.consent.map((scope) => ({ scope, grantedAt: new Date().toISOString(), channel: 'cli' }));
      const result = await flow.run(readJsonFile(flags.input, 'application'), { trace: true, reviews, consents });
      console.log(
        JSON.stringify(
          result.status === 'completed' ? { status: result.status, ...result.output, path: result.path, ms: result.ms, trace: result.trace } : result,
          null,
          2,
        ),
      );
    });
}

export function testCommand(): Command {
  return new Command('test')
    .description('run a flow\'s test cases (its "tests": made-up applications and the outcomes they must get); exits 1 when one fails')
    .requiredOption('--flow <F.json>', 'the flow definition')
    .option('--json', 'print JSON')
    .action(async (flags: { flow: string; json?: boolean }) => {
      const { loadFlowFile, runTestCases } = await import('../../flow/index.ts');
      const flow = await loadFlowFile(flags.flow);
      const cases = flow.definition.tests ?? [];
      const results = await runTestCases(flow, cases);
      const failed = results.filter((r) => !r.passed).length;
      if (flags.json) console.log(JSON.stringify({ passed: results.length - failed, failed, cases: results }, null, 2));
      else {
        for (const r of results) {
          console.log(`${r.passed ? 'pass' : 'FAIL'}  ${r.name}  (${r.result.outcome ?? r.result.status}; ${r.result.path.join(' > ')})`);
          for (const f of r.failures) console.log(`      ${f}`);
        }
        console.log(
          cases.length ? `${results.length - failed} of ${results.length} test cases passed` : 'the flow has no test cases ("tests" in its definition)',
        );
      }
      if (failed) process.exitCode = 1;
    });
}
