import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { readJsonFile } from '../read-json.ts';

const load = async () => ({ ...(await import('../../expr/index.ts')), ...(await import('../../rules/index.ts')) });

export function dmnCommand(): Command {
  const dmn = new Command('dmn').description('evaluate DMN models and run the DMN TCK');

  dmn
    .command('eval')
    .description(
      'evaluate one decision of a DMN file and print the result as JSON; strings are read as dates, times and durations where the model declares them; exits 1 when the decision failed',
    )
    .requiredOption('--file <file.dmn>', 'the DMN model')
    .requiredOption('--decision <name>', 'the decision to evaluate')
    .option('--input <in.json>', 'input data as a JSON object keyed by input data name')
    .action(async (flags: { file: string; decision: string; input?: string }) => {
      let xml: string;
      try {
        xml = readFileSync(flags.file, 'utf8');
      } catch {
        throw new Error(`cannot read DMN file ${flags.file}`);
      }
      const { DmnRuntime, importDmn, toJson } = await load();
      const model = await importDmn(xml);
      const raw = flags.input ? readJsonFile(flags.input, 'input file') : {};
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('the input must be a JSON object keyed by input data name');
      const runtime = new DmnRuntime(model);
      const result = runtime.evaluateDecision(flags.decision, runtime.inputsFromJson(raw as Record<string, unknown>));
      const printed = { decision: flags.decision, result: toJson(result.value), errors: result.errors, warnings: result.warnings };
      console.log(JSON.stringify(printed, null, 2));
      if (result.error) {
        console.error(`decision "${flags.decision}" failed: ${result.error}`);
        process.exitCode = 1;
      }
    });

  dmn
    .command('tck')
    .description('run every DMN TCK test case under DIR; prints failures, then "N passed, M failed"')
    .argument('<dir>', 'folder holding TCK test folders')
    .option('--json', 'print every result as JSON')
    .action(async (dir: string, flags: { json?: boolean }) => {
      const { NUMBER_TOLERANCE, runTck } = await load();
      const results = await runTck(dir);
      const failed = results.filter((r) => !r.passed);
      if (flags.json) {
        console.log(JSON.stringify({ passed: results.length - failed.length, failed: failed.length, numberTolerance: NUMBER_TOLERANCE, results }, null, 2));
      } else {
        for (const f of failed) console.log(`FAIL ${f.file} ${f.testCase} ${f.node}: expected ${f.expected}, got ${f.actual}${f.error ? ` (${f.error})` : ''}`);
        console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
      }
      if (failed.length) process.exitCode = 1;
    });
  return dmn;
}
