import type { FastifyReply, FastifyRequest } from 'fastify';
import type { KeyCache } from './key-cache.ts';
import { ApiError } from './api-error.ts';

const BEARER = /^Bearer\s+(\S+)$/i;

/** onRequest hook: resolves the caller's key and enforces the route's declared roles. */
export function authenticator(keys: KeyCache) {
  return async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    request.principal = null;
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return;
    const header = request.headers.authorization;
    if (!header) {
      throw new ApiError(401, 'unauthenticated', 'This route needs an API key: send "Authorization: Bearer <key>".');
    }
    const match = BEARER.exec(header);
    if (!match) {
      throw new ApiError(401, 'unauthenticated', 'The Authorization header must be "Bearer <key>".');
    }
    const key = await keys.lookup(match[1]!);
    if (!key) {
      throw new ApiError(401, 'unauthenticated', 'The API key is unknown or revoked; ask an admin for a new one.');
    }
    request.principal = { keyId: key.id, name: key.name, role: key.role };
    if (!access.includes(key.role)) {
      throw new ApiError(403, 'forbidden', `Role "${key.role}" may not ${request.method} ${request.routeOptions.url}; it needs one of: ${access.join(', ')}.`);
    }
  };
}

export function requirePrincipal(request: FastifyRequest) {
  if (!request.principal) throw new ApiError(401, 'unauthenticated', 'This route needs an API key.');
  return request.principal;
}
