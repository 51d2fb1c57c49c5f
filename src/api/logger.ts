import { pino, type Logger, type LoggerOptions } from 'pino';

/**
 * Request logs name the method, the path without its query string (queries may carry
 * identifiers) and the request id; bodies and headers are never logged.
 */
export const loggerOptions: LoggerOptions = {
  level: process.env.LOG_LEVEL || 'info',
  redact: { paths: ['req.headers', 'headers.authorization', '*.authorization', '*.secret', '*.password'], remove: true },
  serializers: {
    req: (req: { method?: string; url?: string; id?: string }) => ({ id: req.id, method: req.method, path: (req.url ?? '').split('?')[0] }),
    res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
  },
};

export function createLogger(options: Partial<LoggerOptions> = {}): Logger {
  return pino({ ...loggerOptions, ...options });
}
