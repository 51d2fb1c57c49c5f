import { parse as parseCookies } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { KeyCache } from './key-cache.ts';
import { ApiError } from './api-error.ts';
import type { FailureLimiter } from './failure-limiter.ts';
import type { PermissionTable } from './permission-table.ts';
import type { Actor } from '../store/index.ts';
import type { Principal } from './route-config.ts';

const BEARER = /^Bearer\s+(\S+)$/i;

/** The console's session cookie, set when a person signs in through the identity provider. */
export const SESSION_COOKIE = 'arbiter_session';
/** Sent by the console on every request: a page on another site cannot add it without the server's consent (CORS). */
export const CONSOLE_HEADER = 'x-arbiter-console';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Where console sessions are looked up. */
export interface SessionLookup {
  session(token: string): Promise<{ sessionId: string; user: { id: string; name: string }; role: Principal['role'] } | null>;
}

/** onRequest hook: resolves the caller's key or console session and enforces the route's declared roles; refusals are limited per address. */
export function authenticator(keys: KeyCache, failures: FailureLimiter, sessions: SessionLookup | null = null, permissions: PermissionTable | null = null) {
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
    const token = !header && sessions && request.headers.cookie ? parseCookies(request.headers.cookie)[SESSION_COOKIE] : undefined;
    if (token) {
      const s = await sessions!.session(token);
      if (!s) throw refuse('Your console session has ended or expired; sign in again.');
      // A cookie goes with any request the browser makes, a page elsewhere's too: changes need the console's header.
      if (!SAFE_METHODS.has(request.method) && request.headers[CONSOLE_HEADER] !== '1')
        throw new ApiError(403, 'csrf', `A request made with a console session that changes something must carry the header "${CONSOLE_HEADER}: 1".`);
      request.principal = { keyId: s.sessionId, actor: s.user.id, name: s.user.name, role: s.role, via: 'session' };
    } else {
      if (!header) throw refuse('This route needs an API key: send "Authorization: Bearer <key>".');
      if (!match) throw refuse('The Authorization header must be "Bearer <key>".');
      const key = await keys.lookup(match[1]!);
      if (!key) throw refuse('The API key is unknown or revoked; ask an admin for a new one.');
      request.principal = { keyId: key.id, actor: key.userId ?? key.id, name: key.name, role: key.role, via: 'key' };
    }
    const { role } = request.principal;
    const permission = `${request.method} ${request.routeOptions.url}`;
    if (!(permissions ? await permissions.allows(role, permission, access) : access.includes(role))) {
      throw new ApiError(
        403,
        'forbidden',
        `Role "${role}" may not ${permission}; by default it needs one of: ${access.join(', ')} (an admin may have changed the roles: GET /v1/roles).`,
      );
    }
  };
}

export function requirePrincipal(request: FastifyRequest) {
  if (!request.principal) throw new ApiError(401, 'unauthenticated', 'This route needs an API key.');
  return request.principal;
}

/** Who is acting, as services record it: the key and the request. */
export function actorOf(request: FastifyRequest): Actor {
  return { actor: requirePrincipal(request).actor, requestId: request.id };
}
