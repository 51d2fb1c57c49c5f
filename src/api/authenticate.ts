import type { FastifyReply, FastifyRequest } from 'fastify';
import type { KeyCache } from './key-cache.ts';
import { ApiError } from './api-error.ts';
import type { FailureLimiter } from './failure-limiter.ts';
import type { Actor } from '../store/index.ts';

const BEARER = /^Bearer\s+(\S+)$/i;

/** onRequest hook: resolves the caller's key and enforces the route's declared roles; refusals are limited per address. */
export function authenticator(keys: KeyCache, failures: FailureLimiter) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    request.principal = null;
    const access = request.routeOptions.config?.access;
    if (access === undefined || access === 'public') return;
    const header = request.headers.authorization;
    const match = header ? BEARER.exec(header) : null;
    // An address past its failures is refused before the database is asked, except for keys
    // that worked lately: a client sharing the address with an attacker keeps working.
    const wait = failures.retryAfter(request.ip);
    if (wait > 0 && !(match && keys.knownRecently(match[1]!))) {
      reply.header('retry-after', String(wait));
      throw new ApiError(
        429,
        'rate_limited',
        `more than ${failures.max} requests without a valid API key from this address in ${Math.round(failures.windowMs / 1000)} s; retry after ${wait} s`,
      );
    }
    const refuse = (message: string) => {
      failures.fail(request.ip);
      return new ApiError(401, 'unauthenticated', message);
    };
    if (!header) throw refuse('This route needs an API key: send "Authorization: Bearer <key>".');
    if (!match) throw refuse('The Authorization header must be "Bearer <key>".');
    const key = await keys.lookup(match[1]!);
    if (!key) throw refuse('The API key is unknown or revoked; ask an admin for a new one.');
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

/** Who is acting, as services record it: the key and the request. */
export function actorOf(request: FastifyRequest): Actor {
  return { actor: requirePrincipal(request).keyId, requestId: request.id };
}
