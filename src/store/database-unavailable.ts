const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001', '08003']);

/** The database could not be reached or dropped the connection: nothing about the request itself was wrong. */
export function isDatabaseUnavailable(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  const message = (err as Error).message ?? '';
  return (
    (code !== undefined && UNAVAILABLE_CODES.has(code)) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(message)
  );
}
