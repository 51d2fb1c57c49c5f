import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { withDatabaseOptions, type DatabaseFlags } from '../database-option.ts';

interface PiaFlags extends DatabaseFlags {
  flow: string;
  out?: string;
  json?: boolean;
}

/** A personal information impact assessment of a stored flow version, as the API gives it. */
export function piaCommand(): Command {
  return withDatabaseOptions(
    new Command('pia')
      .description(
        'a personal information impact assessment of a flow version (PIPL Art. 55-56): personal data read, consents, bureaus, models, human review, retention, who may reveal, automated share',
      )
      .requiredOption('--flow <id@version>', 'the flow and version to assess')
      .option('--out <file>', 'write it here: .html for a page, .json for JSON')
      .option('--json', 'print JSON'),
  ).action(async (flags: PiaFlags) => {
    const [flow, versionText] = flags.flow.split('@') as [string, string | undefined];
    const version = Number(versionText);
    if (!versionText || !Number.isInteger(version) || version < 1)
      throw new Error(`--flow ${flags.flow}: write the flow and its version, e.g. consumer-lending@3`);
    const { withServices } = await import('../services-access.ts');
    const { impactAssessmentHtml } = await import('../../services/index.ts');
    const assessment = await withServices(flags, (s) => s.flows.impactAssessment(flow, version, new Date()));
    const asJson = flags.json || flags.out?.endsWith('.json');
    const text = asJson ? `${JSON.stringify(assessment, null, 2)}\n` : impactAssessmentHtml(assessment);
    if (!flags.out) return void process.stdout.write(text);
    writeFileSync(flags.out, text);
    console.log(`wrote ${flags.out}: ${assessment.personalData.length} fields, ${assessment.findings.length} findings`);
  });
}
