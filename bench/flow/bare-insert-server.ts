/**
 * The peer of the HTTP benchmark: what this stack does with no decisioning at all. A Fastify
 * server that parses the JSON body and INSERTs it through `pg` (one pooled connection per
 * request, committed), answering 201 with the new id, across `workers` processes on one port as
 * `arbiter serve --workers N` runs. Its throughput is the ceiling Arbiter's is measured against.
 *
 * Run as a child process: `node --import tsx bench/flow/bare-insert-server.ts URL WORKERS`;
 * prints "listening on http://127.0.0.1:PORT" when every worker listens.
 */
import cluster from 'node:cluster';
import Fastify from 'fastify';
import pg from 'pg';

const [url, workersArg] = process.argv.slice(2);
const workers = Number(workersArg ?? 1);

async function worker(): Promise<string> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const app = Fastify({ logger: false });
  app.post('/v1/decisions', async (request, reply) => {
    const { rows } = await pool.query<{ id: string }>('insert into bare_requests (body) values ($1) returning id', [JSON.stringify(request.body)]);
    return reply.code(201).send({ id: rows[0]!.id });
  });
  return app.listen({ port: Number(process.env.BARE_PORT ?? 0), host: '127.0.0.1' });
}

if (cluster.isPrimary) {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query('create table if not exists bare_requests (id bigserial primary key, body jsonb not null, created_at timestamptz not null default now())');
  await setup.end();
  if (workers === 1) console.log(`listening on ${await worker()}`);
  else {
    const addresses = await Promise.all(
      Array.from({ length: workers }, () => new Promise<string>((resolve) => cluster.fork().on('message', (m: { address: string }) => resolve(m.address)))),
    );
    console.log(`listening on ${addresses[0]}`);
    process.on('SIGTERM', () => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      process.exit(0);
    });
  }
} else {
  const address = await worker();
  process.send?.({ address });
}
