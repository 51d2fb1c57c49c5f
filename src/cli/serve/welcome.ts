import { demoKeys } from '../../tools/demo/demo-keys.ts';
import type { ServeFlags } from './serve-flags.ts';

/** What a person needs once the server answers: where, on which database, and how to sign in. */
export function printWelcome(options: {
  url: string;
  database: string;
  flags: ServeFlags;
  demoKeys: Record<string, string> | null;
  bootstrapSecret: string | null;
}): void {
  const { url, flags } = options;
  console.log(`Arbiter is running at ${url} on ${options.database}`);
  const shownKeys = flags.demo ? (options.demoKeys ?? demoKeys(flags.dataDir ?? '.arbiter')) : null;
  if (shownKeys) {
    console.log(`Console: ${url}/console/ - sign in with one of the demo keys (kept in ${flags.dataDir ?? '.arbiter'}/demo/keys.json):`);
    for (const [role, secret] of Object.entries(shownKeys)) console.log(`  ${role.padEnd(13)} ${secret}`);
  } else if (options.bootstrapSecret) {
    console.log(`Console: ${url}/console/`);
    console.log(`Admin API key (shown this once, store it now): ${options.bootstrapSecret}`);
  } else {
    console.log('Sign in with an API key; create one with `arbiter keys create --role admin` while the server is stopped, or POST /v1/keys.');
  }
}
