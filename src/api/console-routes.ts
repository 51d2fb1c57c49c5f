import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-error.ts';

/** Where `npm run build:console` writes the console. */
export const DEFAULT_CONSOLE_DIR = resolve(import.meta.dirname, '..', '..', 'console', 'dist');

/**
 * The console's own policy: its scripts and styles come from this server only; charts and the
 * flow graph set inline styles, and the API is the same origin. JSON answers keep the stricter one.
 */
const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** Serves the built console under /console/ (public: it holds no data; every call it makes needs a key). */
export function consoleRoutes(dir: string | null) {
  return async (app: FastifyInstance): Promise<void> => {
    const built = dir !== null && existsSync(join(dir, 'index.html'));
    if (built) await app.register(fastifyStatic, { root: dir, serve: false });
    app.addHook('onSend', async (request, reply) => {
      if (request.url === '/' || request.url.startsWith('/console')) reply.header('content-security-policy', CONSOLE_CSP);
    });
    const notBuilt = () =>
      new ApiError(404, 'console_not_built', 'The console is not built. Run `npm run build:console` (npm start does it for you), then reload.');
    app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => reply.redirect('/console/'));
    app.get('/console', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => reply.redirect('/console/'));
    app.get('/console/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      if (!built) throw notBuilt();
      const path = (request.params as { '*': string })['*'] || 'index.html';
      // Assets are content-hashed, so they may be cached for good; the page itself never.
      if (path.startsWith('assets/') && existsSync(join(dir!, path))) return reply.sendFile(path, { maxAge: 365 * 24 * 3600 * 1000, immutable: true });
      if (path.startsWith('assets/')) throw new ApiError(404, 'not_found', `No console asset ${path}; reload the page (the console may have been rebuilt).`);
      return reply.sendFile('index.html', { maxAge: 0, cacheControl: true, immutable: false, lastModified: false, etag: true });
    });
  };
}
