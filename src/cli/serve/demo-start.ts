import { startBureauSim, type BureauSim } from '../../tools/bureau-sim/index.ts';
import { seedDemo } from '../../tools/demo/seed-demo.ts';
import type { Services } from '../../services/index.ts';
import type { FastifyBaseLogger } from 'fastify';
import type { ServeFlags } from './serve-flags.ts';

/** The demo's bureau simulator, beside the server; null (with a message) when its port is taken. */
export async function startDemoBureau(flags: ServeFlags): Promise<BureauSim | null> {
  try {
    const bureau = await startBureauSim({ port: Number(flags.bureauPort), host: '127.0.0.1' });
    console.log(`Demo bureau simulator listening on ${bureau.url}`);
    return bureau;
  } catch (err) {
    console.error(
      `The demo bureau simulator could not start on port ${flags.bureauPort} (${(err as Error).message}); bureau checks will take their fallback branch. Free the port or set --bureau-port.`,
    );
    return null;
  }
}

/** Seeds the demo into an empty database; returns the demo keys it made, or null when the database held data already. */
export async function seedDemoQuietly(services: Services, log: FastifyBaseLogger, flags: ServeFlags): Promise<Record<string, string> | null> {
  const dataDir = flags.dataDir ?? '.arbiter';
  // Seeding makes thousands of decisions; their info lines would bury what the demo prints.
  const level = log.level;
  log.level = 'warn';
  try {
    const demo = await seedDemo(services, { dataDir, bureauUrl: `http://127.0.0.1:${flags.bureauPort}`, log: (line) => console.log(line) });
    if (demo) console.log(`Demo seeded. Files for the sandbox are in ${demo.files.dir}.`);
    return demo?.keys ?? null;
  } finally {
    log.level = level;
  }
}
