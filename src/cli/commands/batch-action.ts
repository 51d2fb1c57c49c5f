import { readFileSync, writeFileSync } from 'node:fs';
import { createLogger } from '../../api/index.ts';
import { batchResultsCsv, batchResultsParquet, createServices } from '../../services/index.ts';
import { systemClock } from '../../support/clock.ts';
import { loadKeys, openMigrated } from '../database-access.ts';
import type { DatabaseFlags } from '../database-option.ts';
import { progressBar } from '../progress-bar.ts';

/** The batch's own actor: decisions of CLI batches are keyed to it, as a server's are to the key that submitted them. */
const CLI_ACTOR = 'cli:batch';

export async function runBatch(flags: DatabaseFlags & { flow: string; version?: string; file: string; out: string }): Promise<void> {
  const version = flags.version === undefined ? undefined : Number(flags.version);
  if (version !== undefined && !(Number.isInteger(version) && version >= 1)) throw new Error(`--version must be a whole number from 1, got "${flags.version}"`);
  let content: Uint8Array;
  try {
    content = readFileSync(flags.file);
  } catch {
    throw new Error(`cannot read ${flags.file}`);
  }
  const format = /\.parquet$/i.test(flags.file) ? 'parquet' : /\.(jsonl|ndjson)$/i.test(flags.file) ? 'jsonl' : 'csv';
  const keys = loadKeys(flags);
  const { db } = await openMigrated(flags);
  const services = createServices({ db, queue: null, logger: createLogger(), keys, clock: systemClock, erasures: null, auditCheckpoints: null });
  try {
    const t0 = performance.now();
    let batch = await services.batches.submit({ flow: flags.flow, version, format, content }, { actor: CLI_ACTOR });
    const bar = progressBar('chunks');
    // This process takes chunks like any server; when servers hold the rest, it waits for them.
    services.batches.start(200);
    while (batch.status !== 'done') {
      await new Promise((r) => setTimeout(r, 200));
      batch = await services.batches.get(batch.id);
      bar.update(batch.chunksDone, batch.chunks);
    }
    bar.done();
    const { rows } = await services.batches.results(batch.id);
    writeFileSync(flags.out, /\.parquet$/i.test(flags.out) ? await batchResultsParquet(rows) : batchResultsCsv(rows));
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      `batch ${batch.id}: ${batch.rows} applications of ${flags.flow} v${batch.flowVersion} in ${seconds.toFixed(1)} s (${Math.round(batch.rows / seconds).toLocaleString('en-US')}/s), ${batch.failedRows} not decided; results in ${flags.out}`,
    );
  } finally {
    await services.batches.stop();
    await db.close();
  }
}
