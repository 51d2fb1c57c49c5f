import { pino, type Logger, type LoggerOptions } from 'pino';
import { scrubPersonalData } from '../privacy/index.ts';

/**
 * Request logs name the method, the path without its query string (queries may carry
 * identifiers) and the request id; bodies and headers are never logged.
 */
export const loggerOptions: LoggerOptions = {
  level: process.env.LOG_LEVEL || 'info',
  redact: { paths: ['req.headers', 'headers.authorization', '*.authorization', '*.secret', '*.password'], remove: true },
  // Beyond the paths above, any field a flow declares C2 or C3 is removed wherever it appears.
  formatters: { log: (object) => scrubPersonalData(object) as Record<string, unknown> },
  serializers: {
    req: (req: { method?: string; url?: string; id?: string }) => ({ id: req.id, method: req.method, path: (req.url ?? '').split('?')[0] }),
    res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
  },
};

export function createLogger(options: Partial<LoggerOptions> = {}): Logger {
  return pino({ ...loggerOptions, ...options });
}
