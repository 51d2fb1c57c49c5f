import type { Registry } from 'prom-client';
import { randomUUID } from 'node:crypto';
import fastifySwagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { createServices, type Services } from '../services/index.ts';
import { systemClock, type Clock } from '../support/clock.ts';
import type { Database } from '../store/index.ts';
import { ApiError } from './api-error.ts';
import { authenticator } from './authenticate.ts';
import { FailureLimiter } from './failure-limiter.ts';
import { KeyCache } from './key-cache.ts';
import { errorHandler } from './error-handler.ts';
import { guardInput, jsonTextDepth, MAX_JSON_DEPTH } from './input-guard.ts';
import { logRequest } from './request-log.ts';
import { createLogger } from './logger.ts';
import type { DeclaredRoute } from './route-config.ts';
import { eventRoutes } from './routes/event-routes.ts';
import { batchRoutes } from './routes/batch-routes.ts';
import { traceRequests } from './request-span.ts';
import { auditRoutes } from './routes/audit-routes.ts';
import { keyRoutes } from './routes/key-routes.ts';
import { decisionRoutes } from './routes/decision-routes.ts';
import { modelRoutes } from './routes/model-routes.ts';
import { scorecardBinsRoutes } from './routes/scorecard-bins-routes.ts';
import { connectorRoutes } from './routes/connector-routes.ts';
import { backtestRoutes } from './routes/backtest-routes.ts';
import { challengerRoutes } from './routes/challenger-routes.ts';
import { outcomeRoutes } from './routes/outcome-routes.ts';
import { Metrics } from './metrics.ts';
import { feelRoutes } from './routes/feel-routes.ts';
import { consoleRoutes, DEFAULT_CONSOLE_DIR } from './console-routes.ts';
import { optimizationRoutes } from './routes/optimization-routes.ts';
import { securityHeaders } from './security-headers.ts';
import fastifyRateLimit from '@fastify/rate-limit';
import { metricsRoute } from './routes/metrics-route.ts';
import { lifecycleRoutes } from './routes/lifecycle-routes.ts';
import { monitoringRoutes } from './routes/monitoring-routes.ts';
import { dmnRoutes } from './routes/dmn-routes.ts';
import { tableFileRoutes } from './routes/table-file-routes.ts';
import { flowEditorRoutes } from './routes/flow-editor-routes.ts';
import { flowRoutes } from './routes/flow-routes.ts';
import { releaseRoutes } from './routes/release-routes.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { accessRoutes } from './routes/access-routes.ts';
import { PermissionTable } from './permission-table.ts';
import { systemRoutes } from './routes/system-routes.ts';
import type { AuditCheckpoints, ErasureLedger, JobQueue } from '../store/index.ts';
import type { KeyProvider, Role } from '../privacy/index.ts';
import { oidcFromEnv, type GovernanceSettings, type OidcSettings } from '../services/index.ts';

export interface ServerOptions {
  db: Database;
  logger?: Logger;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  /** Requests per key (or per address, before a key is known) in each window; ARBITER_RATE_LIMIT per minute by default. */
  rateLimit?: { max: number; windowMs: number };
  /** Requests refused for want of a valid key, per client address and window, before that address gets 429 (ARBITER_AUTH_FAILURE_LIMIT per minute by default). */
  authFailureLimit?: { max: number; windowMs: number };
  /** The PostgreSQL-backed job queue; without it, resumes after review happen inline only. */
  queue?: JobQueue | null;
  /** Master keys for personal data. */
  keys: KeyProvider;
  /** The key and folder of signed audit checkpoints, outside the database; none by default. */
  auditCheckpoints?: AuditCheckpoints | null;
  /** Where erasures are recorded outside the database, to replay after a restore; none by default. */
  erasureLedger?: ErasureLedger | null;
  /** The built console to serve under /console/; null to serve none. The repository's console/dist by default. */
  consoleDir?: string | null;
  /** Where time comes from (circuits, caches); the system clock by default. */
  clock?: Clock;
  /** What /metrics answers when this server is one process of several: all of them added up. This process's own by default. */
  metricsText?: () => Promise<string>;
  /** How changes are released; from the environment by default (four-eyes, unless ARBITER_SINGLE_PERSON_RELEASE=true). */
  governance?: GovernanceSettings;
  /** Single sign-on for the console; from the environment (ARBITER_OIDC_ISSUER ...) by default, null for none. */
  oidc?: OidcSettings | null;
}

export interface Server {
  app: FastifyInstance;
  /** The use cases the routes call, for the CLI, the demo and tests to call the same way. */
  services: Services;
  /** Every route with the roles it admits, for the role matrix and the console's navigation. */
  routes: DeclaredRoute[];
  /** This process's Prometheus registry. */
  metrics: Registry;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export async function buildServer(options: ServerOptions): Promise<Server> {
  const { db } = options;
  const app = Fastify({
    loggerInstance: (options.logger ?? createLogger()) as FastifyBaseLogger,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    // A caller's own request id is kept when it is sane, so logs join up across services.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    // One line per request, written by the onResponse hook below with what an operator needs.
    logController: new LogController({ disableRequestLogging: true }),
    ajv: { customOptions: { removeAdditional: false } },
  });
  // Fastify's own JSON parser (prototype poisoning refused), behind a depth check on the raw text.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonTextDepth(body as string, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      done(new ApiError(400, 'invalid_input', `body: nested more than ${MAX_JSON_DEPTH} levels deep; at most ${MAX_JSON_DEPTH} are accepted`), undefined);
      return;
    }
    parseJson(request, body as string, done);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}; see /openapi.json for the routes.` } }),
  );
  app.decorateRequest('principal', null);
  traceRequests(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', logRequest);

  const routes: DeclaredRoute[] = [];
  app.addHook('onRoute', (route) => {
    if (route.method === 'HEAD' || route.url.startsWith('/openapi')) return;
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no access; set config.access to its roles or 'public'.`);
    }
    const schema = route.schema as { summary?: string; tags?: string[] } | undefined;
    for (const method of [route.method].flat())
      routes.push({ method, url: route.url, access, summary: schema?.summary ?? null, tag: schema?.tags?.[0] ?? null });
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Arbiter API', description: 'Credit decisioning engine', version: '0.1.0' },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An Arbiter API key' } } },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  const keyCache = new KeyCache(db);
  const authFailures = new FailureLimiter(
    options.authFailureLimit?.max ?? Number(process.env.ARBITER_AUTH_FAILURE_LIMIT || 300),
    options.authFailureLimit?.windowMs ?? 60_000,
  );
  // Sessions are looked up through the services, made below; a request arrives only once the server listens.
  const permissionTable = new PermissionTable(db);
  app.addHook('onRequest', authenticator(keyCache, authFailures, { session: (token) => services!.signIn.session(token) }, permissionTable));
  app.addHook('preValidation', guardInput);
  const headers = securityHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  // Counted after authentication, so each key has its own allowance and unauthenticated callers share their address's.
  const rate = options.rateLimit ?? { max: Number(process.env.ARBITER_RATE_LIMIT || 120_000), windowMs: 60_000 };
  await app.register(fastifyRateLimit, {
    hook: 'preHandler',
    max: rate.max,
    timeWindow: rate.windowMs,
    keyGenerator: (request) => request.principal?.keyId ?? request.ip,
    errorResponseBuilder: (_request, ctx) =>
      new ApiError(429, 'rate_limited', `more than ${ctx.max} requests in ${Math.round(rate.windowMs / 1000)} s for this key; retry after ${ctx.after}`),
  });

  let services: Services | null = null;
  const metrics = new Metrics(db, () => services?.decisions.gateway.circuits() ?? {}, Boolean(options.queue));
  services = createServices(
    {
      db,
      queue: options.queue ?? null,
      logger: app.log as unknown as Logger,
      keys: options.keys,
      clock: options.clock ?? systemClock,
      erasures: options.erasureLedger ?? null,
      auditCheckpoints: options.auditCheckpoints ?? null,
      governance: options.governance,
      oidc: options.oidc === undefined ? oidcFromEnv() : options.oidc,
    },
    { onDecision: (flow, version, result, arm) => metrics.decision(flow, version, result, arm) },
  );
  services.decisions.gateway.onPull = (connector, r) => metrics.pull(connector, r);
  services.keys.onRevoked = (keyId) => keyCache.revoked(keyId);
  services.access.onChanged = () => permissionTable.forget();

  await app.register(systemRoutes(services.system));
  await app.register(consoleRoutes(options.consoleDir === undefined ? DEFAULT_CONSOLE_DIR : options.consoleDir));
  await app.register(keyRoutes(services.keys));
  await app.register(auditRoutes(services.audit));
  await app.register(eventRoutes(services.events));
  await app.register(batchRoutes(services.batches));
  app.addHook('onClose', async () => {
    services?.releases.stop();
    await services?.batches.stop();
  });
  await app.register(metricsRoute(metrics, options.metricsText));
  await app.register(flowEditorRoutes(services.flows));
  await app.register(dmnRoutes(services.dmn, services.flows));
  await app.register(flowRoutes(services.flows));
  await app.register(releaseRoutes(services.releases));
  await app.register(authRoutes(services.signIn));
  await app.register(
    accessRoutes(services.access, () =>
      routes
        .filter((r) => r.access !== 'public')
        .map((r) => ({ id: `${r.method} ${r.url}`, summary: r.summary, tag: r.tag, defaultRoles: [...(r.access as readonly Role[])] })),
    ),
  );
  await app.register(feelRoutes());
  await app.register(tableFileRoutes());
  await app.register(optimizationRoutes(services.optimizations));
  await app.register(decisionRoutes(services.decisions, services.reviews));
  await app.register(modelRoutes(services.models));
  await app.register(scorecardBinsRoutes(services.scorecardBins));
  await app.register(connectorRoutes(services.connectors));
  await app.register(backtestRoutes(services.backtests));
  await app.register(challengerRoutes(services.flows));
  await app.register(outcomeRoutes(services.outcomes));
  await app.register(lifecycleRoutes(services.lifecycle));
  await app.register(monitoringRoutes(services.monitoring));
  await app.ready();
  return { app, routes, services, metrics: metrics.registry };
}

export { ApiError };
