import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { numberOption } from '../number-option.ts';
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
    .option('--input <in.json>', "input data as a JSON object keyed by input data name (an imported model's under its import name)")
    .option('--import <file.dmn...>', 'models the DMN file imports, found by namespace (at any depth)')
    .action(async (flags: { file: string; decision: string; input?: string; import?: string[] }) => {
      const read = (file: string) => {
        try {
          return readFileSync(file, 'utf8');
        } catch {
          throw new Error(`cannot read DMN file ${file}`);
        }
      };
      const { exactJsonText, importDmn, linkedRuntime, toJson } = await load();
      const model = await importDmn(read(flags.file));
      const imported = await Promise.all((flags.import ?? []).map(async (file) => importDmn(read(file))));
      const raw = flags.input ? readJsonFile(flags.input, 'input file') : {};
      if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('the input must be a JSON object keyed by input data name');
      let runtime: ReturnType<typeof linkedRuntime>;
      try {
        runtime = linkedRuntime(model, [model, ...imported]);
      } catch (err) {
        throw new Error(`${(err as Error).message}${(err as { code?: string }).code === 'import_missing' ? '; give that model with --import FILE' : ''}`);
      }
      const result = runtime.evaluateDecision(flags.decision, runtime.inputsFromJson(raw as Record<string, unknown>));
      const printed = { decision: flags.decision, result: toJson(result.value, true), errors: result.errors, warnings: result.warnings };
      console.log(exactJsonText(printed));
      if (result.error) {
        console.error(`decision "${flags.decision}" failed: ${result.error}`);
        process.exitCode = 1;
      }
    });

  dmn
    .command('tck')
    .description('run every DMN TCK test case under DIR (laid out as the TCK repository is); prints failures, then "N passed, M failed, K skipped"')
    .argument('<dir>', 'folder holding TCK test folders')
    .option('--json', 'print every result as JSON')
    .option('--tolerance <relative>', 'also pass numbers within this relative difference, counted apart (default 0: digit for digit)')
    .action(async (dir: string, raw: { json?: boolean; tolerance?: string }) => {
      const flags = { ...raw, tolerance: raw.tolerance === undefined ? undefined : numberOption(raw.tolerance, 'tolerance', { min: 0, max: 1 }) };
      const { ROUNDED_EXPECTATION_DIGITS, runTck } = await load();
      const results = await runTck(dir, { tolerance: flags.tolerance ?? 0 });
      const approximate = results.filter((r) => r.approximate).length;
      const skipped = results.filter((r) => r.skipped);
      const failed = results.filter((r) => !r.passed && !r.skipped);
      const passed = results.length - failed.length - skipped.length;
      if (flags.json) {
        console.log(
          JSON.stringify(
            {
              passed,
              approximate,
              failed: failed.length,
              skipped: skipped.length,
              tolerance: flags.tolerance ?? 0,
              roundedExpectationDigits: ROUNDED_EXPECTATION_DIGITS,
              results,
            },
            null,
            2,
          ),
        );
      } else {
        for (const f of failed) console.log(`FAIL ${f.file} ${f.testCase} ${f.node}: expected ${f.expected}, got ${f.actual}${f.error ? ` (${f.error})` : ''}`);
        for (const s of skipped) console.log(`SKIP ${s.file} ${s.testCase} ${s.node}: calls an external function`);
        const within = approximate ? ` (${approximate} of them only within the relative tolerance ${flags.tolerance})` : '';
        console.log(`${passed} passed${within}, ${failed.length} failed, ${skipped.length} skipped`);
      }
      if (failed.length) process.exitCode = 1;
    });
  return dmn;
}
