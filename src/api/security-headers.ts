import helmet from 'helmet';

/**
 * The security headers every answer carries: helmet's, for a JSON API (JSON has nothing to run,
 * so the strictest content policy costs nothing). They depend on nothing in the request, so they
 * are worked out once at start rather than by helmet's middleware on every request.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string) {
      headers[name.toLowerCase()] = value;
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  const middleware = helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } });
  let failure: unknown;
  middleware({} as Parameters<typeof middleware>[0], recorder as unknown as Parameters<typeof middleware>[1], (err?: unknown) => {
    failure = err;
  });
  if (failure) throw failure;
  return headers;
}
