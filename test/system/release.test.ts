import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import { createScratchDatabase } from '../support/backends.ts';
import { demoApplication, demoFlow, uniqueKey } from '../support/flows.ts';
import { postJson, serve } from '../support/process.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let release: string;
let scratch: { url: string; drop(): Promise<void> };

before(async () => {
  release = join(mkdtempSync(join(tmpdir(), 'arbiter-release-')), 'app');
  // The script the Dockerfile runs, run here as a script (no container daemon on CI machines).
  const built = spawnSync('sh', [join(ROOT, 'deploy', 'build-release.sh'), release], { encoding: 'utf8', timeout: 240_000 });
  assert.equal(built.status, 0, built.stderr);
  scratch = await createScratchDatabase();
});
after(async () => {
  rmSync(join(release, '..'), { recursive: true, force: true });
  await scratch.drop();
});

test('the release runs from compiled JavaScript with production dependencies only, several processes on PostgreSQL', async () => {
  const modules = readdirSync(join(release, 'node_modules'));
  for (const devOnly of ['tsx', 'typescript', 'esbuild', '@biomejs', 'playwright-core', 'react', 'vite'])
    assert.ok(!modules.includes(devOnly), `${devOnly} is in the release`);
  assert.ok(!existsSync(join(release, 'src')), 'no TypeScript sources in the release');
  const bin = join(release, 'bin', 'arbiter.mjs');
  const keysFile = join(release, '..', 'keys.json');
  assert.equal(spawnSync(process.execPath, [bin, 'keys', 'init-master', '--key-file', keysFile]).status, 0);
  const env = { ARBITER_MASTER_KEYS: readFileSync(keysFile, 'utf8') };
  const migrated = spawnSync(process.execPath, [bin, 'migrate', '--database', scratch.url], { encoding: 'utf8', env: { ...process.env, ...env } });
  assert.equal(migrated.status, 0, migrated.stderr);
  const server = await serve(['--database', scratch.url, '--workers', '2'], { bin, env });
  try {
    const secret = /Admin API key[^:]*: (arb_\S+)/.exec(server.output)?.[1];
    assert.ok(secret, server.output);
    assert.match(server.output, /with 2 server processes/);
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);
    const console = await fetch(`${server.url}/console/`);
    assert.equal(console.status, 200, 'the built console is served');
    const keyOf = async (name: string, role: string) =>
      ((await (await postJson(server, secret, '/v1/keys', { name, role })).json()) as { secret: string }).secret;
    const rm = await keyOf('ops', 'risk-manager');
    const svc = await keyOf('svc', 'service');
    const post = (key: string, path: string, body: unknown) => postJson(server, key, path, body);
    assert.equal((await post(rm, '/v1/flows', { definition: demoFlow() })).status, 201);
    assert.equal((await post(rm, '/v1/flows/consumer-lending/versions/1/publish', {})).status, 200);
    const decided = await post(svc, '/v1/decisions', { flow: 'consumer-lending', application: demoApplication(), idempotencyKey: uniqueKey() });
    assert.equal(decided.status, 201);
  } finally {
    assert.equal(await server.stop(), 0);
  }
});

test('the Dockerfile builds with that script and runs it as an unprivileged user with a health check', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  assert.equal((dockerfile.match(/^FROM /gm) ?? []).length, 2, 'a build stage and a runtime stage');
  assert.match(dockerfile, /RUN sh deploy\/build-release\.sh \/release/);
  assert.match(dockerfile, /^USER node$/m);
  assert.match(dockerfile, /^HEALTHCHECK .*\n?.*\/readyz/m);
  assert.match(dockerfile, /^ENTRYPOINT \["node", "bin\/arbiter\.mjs"\]$/m);
});

test('the compose file runs two servers on one PostgreSQL with the bureau simulator, after migrating', () => {
  const compose = parse(readFileSync(join(ROOT, 'deploy', 'compose.yaml'), 'utf8'), { merge: true }) as {
    services: Record<string, { command?: string[]; depends_on?: Record<string, { condition: string }>; environment?: Record<string, string> }>;
  };
  const servers = Object.entries(compose.services).filter(([, s]) => s.command?.[0] === 'serve');
  assert.equal(servers.length, 2);
  for (const [name, s] of servers) {
    assert.match(String(s.environment?.DATABASE_URL), /@postgres:5432\//, `${name} uses the compose PostgreSQL`);
    assert.ok(s.environment?.ARBITER_MASTER_KEYS, `${name} gets the master keys`);
    assert.equal(s.depends_on?.migrate?.condition, 'service_completed_successfully');
  }
  assert.deepEqual(compose.services['bureau-sim']?.command?.slice(0, 1), ['bureau-sim']);
  assert.deepEqual(compose.services.migrate?.command, ['migrate']);
  // Where Docker's compose plugin is installed, it checks the file too (CI machines have none).
  if (spawnSync('docker', ['compose', 'version']).status !== 0) return;
  const checked = spawnSync('docker', ['compose', '-f', join(ROOT, 'deploy', 'compose.yaml'), 'config', '--quiet'], {
    encoding: 'utf8',
    env: { ...process.env, POSTGRES_PASSWORD: 'x', ARBITER_MASTER_KEYS: '{}' },
  });
  assert.equal(checked.status, 0, `docker compose config: ${checked.stderr}`);
});

test('every value the Helm chart templates use is defined in values.yaml, and the chart is complete', () => {
  const chart = join(ROOT, 'deploy', 'helm', 'arbiter');
  const meta = parse(readFileSync(join(chart, 'Chart.yaml'), 'utf8')) as { apiVersion: string; name: string; version: string };
  assert.equal(meta.apiVersion, 'v2');
  const values = parse(readFileSync(join(chart, 'values.yaml'), 'utf8')) as Record<string, unknown>;
  const templates = readdirSync(join(chart, 'templates')).map((f) => readFileSync(join(chart, 'templates', f), 'utf8'));
  const used = new Set(templates.flatMap((t) => [...t.matchAll(/\.Values\.([A-Za-z0-9_.]+)/g)].map((m) => m[1]!)));
  for (const path of used) {
    let at: unknown = values;
    for (const part of path.split('.')) at = (at as Record<string, unknown> | undefined)?.[part];
    assert.notEqual(at, undefined, `.Values.${path} is used by a template but not defined in values.yaml`);
  }
  const all = templates.join('\n');
  for (const kind of ['Deployment', 'Service', 'HorizontalPodAutoscaler', 'Job']) assert.match(all, new RegExp(`^kind: ${kind}$`, 'm'));
  assert.match(all, /readinessProbe:[\s\S]*\/readyz/);
  assert.match(all, /livenessProbe:[\s\S]*\/healthz/);
  assert.match(all, /secretKeyRef:[\s\S]*masterKeys\.existingSecret/);
});
