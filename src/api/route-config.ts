import type { Role } from '../privacy/index.ts';

/** Every route under /v1 declares who may call it; the server refuses to start otherwise. */
export type RouteAccess = readonly Role[] | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface Principal {
  /** The API key, or the console session, the request came with. */
  keyId: string;
  /** Who acts, as the audit log records it: the person (a user id) if known, else the key (a named service). */
  actor: string;
  name: string;
  role: Role;
  via: 'key' | 'session';
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
  summary: string | null;
  tag: string | null;
}
