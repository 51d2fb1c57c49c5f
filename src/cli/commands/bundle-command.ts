import { Command } from 'commander';
import { withDatabaseOptions, type DatabaseFlags } from '../database-option.ts';

export interface BundleExportFlags extends DatabaseFlags {
  flow: string;
  out: string;
  signingKey: string;
}

export interface BundleImportFlags extends DatabaseFlags {
  file: string;
  trust: string[];
  as: string;
}

/** Moving a flow between installations (test to production): signed, content-hashed bundles. */
export function bundleCommand(): Command {
  const bundle = new Command('bundle').description('move a flow with everything it names between installations, as one signed file');
  bundle.addCommand(
    new Command('keygen')
      .description(
        'make a key pair to sign bundles and evidence packs: the private key stays with the exporting installation, the public key goes to those that import or verify',
      )
      .requiredOption('--out <private.pem>', 'where to write the private key (0600); the public key is written beside it as .pub.pem')
      .option('--algorithm <ed25519|sm2>', 'Ed25519, or SM2 with SM3 (GB/T 32918) where the national algorithms are required', 'ed25519')
      .action(async (flags: { out: string; algorithm: string }) => (await import('./bundle-actions.ts')).keygen(flags)),
  );
  bundle.addCommand(
    withDatabaseOptions(
      new Command('export')
        .description('write a flow version with its subflows, models, connectors and DMN models to one signed file')
        .requiredOption('--flow <id[@version]>', 'the flow, and the version (the live one by default)')
        .requiredOption('--out <bundle.json>', 'the file to write')
        .requiredOption('--signing-key <private.pem>', 'the key that signs it (arbiter bundle keygen)'),
    ).action(async (flags: BundleExportFlags) => (await import('./bundle-actions.ts')).exportBundle(flags)),
  );
  bundle.addCommand(
    withDatabaseOptions(
      new Command('import')
        .description('check a bundle (signature by a trusted key, every hash) and make drafts of its flows, to be released as any draft is')
        .requiredOption('--file <bundle.json>', 'the bundle')
        .requiredOption('--trust <public.pem...>', 'public keys whose signatures are accepted')
        .option('--as <actor>', 'who imports, as the audit log records it', 'cli:bundle'),
    ).action(async (flags: BundleImportFlags) => (await import('./bundle-actions.ts')).importBundle(flags)),
  );
  return bundle;
}
