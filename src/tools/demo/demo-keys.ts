import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The demo keys written at seeding, for printing on later starts. */
export function demoKeys(dataDir: string): Record<string, string> | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, 'demo', 'keys.json'), 'utf8')) as Record<string, string>;
  } catch {
    return null;
  }
}
