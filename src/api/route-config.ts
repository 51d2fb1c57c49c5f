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
  keyId: string;
  name: string;
  role: Role;
}

export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}
