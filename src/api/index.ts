export { buildServer, DEFAULT_BODY_LIMIT, type Server, type ServerOptions } from './server.ts';
export { ApiError, type ErrorBody } from './api-error.ts';
export { createLogger } from './logger.ts';
export type { DeclaredRoute, Principal, RouteAccess } from './route-config.ts';
