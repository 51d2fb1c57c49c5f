import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** One erasure as the ledger keeps it: identifiers only, never personal data. */
export interface ErasureEntry {
  decisionId: string;
  erasedAt: string;
}

/**
 * Erasures recorded outside the database, so that a restore from a backup taken before them
 * can have them applied again (`arbiter erasures replay`). An append-only JSON-lines file of
 * decision ids and times; it must live where database backups are not restored over it.
 */
export class ErasureLedger {
  constructor(readonly path: string) {}

  /** Appends and flushes to disk before returning: the erasure is committed only after this. */
  record(entries: ErasureEntry[]): void {
    if (!entries.length) return;
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    const fd = openSync(this.path, 'a', 0o600);
    try {
      writeSync(fd, entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Every erasure recorded; a torn last line (a crash mid-append) is skipped. */
  entries(): ErasureEntry[] {
    if (!existsSync(this.path)) return [];
    const out: ErasureEntry[] = [];
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const e = JSON.parse(line) as Partial<ErasureEntry>;
        if (typeof e.decisionId === 'string' && typeof e.erasedAt === 'string') out.push({ decisionId: e.decisionId, erasedAt: e.erasedAt });
      } catch {
        // a partial line
      }
    }
    return out;
  }
}
