import { Command, Option } from 'commander';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, isRole } from '../../privacy/roles.ts';
import { withDatabaseOptions, type DatabaseFlags } from '../database-option.ts';

const load = async () => ({
  ...(await import('../../privacy/index.ts')),
  ...(await import('../../store/index.ts')),
  ...(await import('../../services/index.ts')),
  ...(await import('../database-access.ts')),
});

const CLI_ACTOR = 'cli';

export function keysCommand(): Command {
  const keys = new Command('keys').description('create, list and revoke API keys');

  withDatabaseOptions(
    keys
      .command('create')
      .description('create an API key and print its secret once')
      .addOption(new Option('--role <role>', 'the role of the key').choices(ROLES).makeOptionMandatory())
      .option('--name <name>', 'a label for the key', 'cli key')
      .option('--json', 'print JSON'),
  ).action(async (flags: DatabaseFlags & { role: string; name: string; json?: boolean }) => {
    const { KeyService, withDatabase } = await load();
    if (!isRole(flags.role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
    const role = flags.role;
    const created = await withDatabase(flags, (db) => new KeyService(db).create({ name: flags.name, role }, { actor: CLI_ACTOR }));
    if (flags.json) console.log(JSON.stringify(created, null, 2));
    else console.log(`created ${created.key.id} (${created.key.role}, "${created.key.name}")\nsecret (shown this once): ${created.secret}`);
  });

  withDatabaseOptions(keys.command('list').description('list API keys').option('--json', 'print JSON')).action(
    async (flags: DatabaseFlags & { json?: boolean }) => {
      const { KeyService, withDatabase } = await load();
      const list = await withDatabase(flags, (db) => new KeyService(db).list());
      if (flags.json) return console.log(JSON.stringify(list, null, 2));
      for (const k of list) {
        console.log([k.id, k.role.padEnd(12), k.revokedAt ? 'revoked' : 'active ', k.createdAt, k.name].join('  '));
      }
      if (list.length === 0) console.log('no keys');
    },
  );

  withDatabaseOptions(keys.command('revoke').description('revoke an API key').argument('<id>', 'key id (key_...)')).action(
    async (id: string, flags: DatabaseFlags) => {
      const { KeyService, withDatabase } = await load();
      const key = await withDatabase(flags, (db) => new KeyService(db).revoke(id, { actor: CLI_ACTOR }));
      console.log(`revoked ${key.id} at ${key.revokedAt}`);
    },
  );
  keys
    .command('init-master')
    .description('create a master key file for personal-data encryption (share it with every server of one database)')
    .requiredOption('--key-file <file>', 'where to write it (mode 0600)')
    .action(async (flags: { keyFile: string }) => {
      const { loadKeyProvider, saveKeyFile } = await import('../../privacy/index.ts');
      if (existsSync(flags.keyFile)) throw new Error(`${flags.keyFile} exists already; it may hold the only keys to existing data`);
      const provider = loadKeyProvider({ keyFile: flags.keyFile, createIfMissing: true });
      saveKeyFile(provider, flags.keyFile);
      console.log(`wrote ${flags.keyFile} with master key version ${provider.currentVersion}`);
    });
  withDatabaseOptions(
    keys
      .command('rotate-master')
      .description('add a master key version, re-wrap every data key with it while servers keep serving, then retire the old versions')
      .option('--settle-seconds <n>', 'how long to keep re-wrapping keys that servers still wrapped with the old version', '8'),
  ).action(async (flags: DatabaseFlags & { settleSeconds: string }) => {
    const { loadKeyProvider, masterVersionsInUse, rewrapDataKeys, saveKeyFile, withDatabase, sealingFromEnv, useSealingAlgorithm } = await load();
    // Re-wrapping seals each data key as the installation now chooses (ARBITER_SEALING): rotation moves keys between algorithms.
    useSealingAlgorithm(sealingFromEnv());
    const keyFile = flags.keyFile ?? (flags.database ? undefined : join(flags.dataDir ?? '.arbiter', 'master-keys.json'));
    if (!keyFile) throw new Error('give the key file to rotate: --key-file F');
    const before = loadKeyProvider({ keyFile, createIfMissing: false });
    const next = before.withNewVersion();
    saveKeyFile(next, keyFile);
    console.log(`master key version ${next.currentVersion} added to ${keyFile}; re-wrapping data keys`);
    await withDatabase(flags, async (db) => {
      // Servers read the key file again within seconds; until then they may still wrap new keys with the old version.
      const settleUntil = Date.now() + Number(flags.settleSeconds) * 1000;
      let total = 0;
      for (;;) {
        const { rewrapped, remaining } = await rewrapDataKeys(db, next, { actor: CLI_ACTOR });
        total += rewrapped;
        if (remaining === 0 && Date.now() >= settleUntil) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      const inUse = await masterVersionsInUse(db);
      const retired = before.versions.filter((v) => !inUse.includes(v));
      saveKeyFile(next.without(retired), keyFile);
      console.log(
        `re-wrapped ${total} data keys with version ${next.currentVersion}; retired version(s) ${retired.join(', ') || 'none'}; in use: ${inUse.join(', ') || 'none'}`,
      );
    });
  });
  return keys;
}
