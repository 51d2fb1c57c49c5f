import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OptimizationFailed, optimizeInWorker, parseStrategy, StrategyError } from '../../optimize/index.ts';
import { ApiError } from '../api-error.ts';
import { errorResponses } from '../schemas.ts';

const RUN = ['risk-manager', 'analyst'] as const;
/** Larger portfolios belong to `arbiter optimize`, which has no request to time out. */
const MAX_ROWS = 50_000;

export function optimizationRoutes() {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/v1/optimizations',
      {
        config: { access: RUN },
        bodyLimit: 16 * 1024 * 1024,
        schema: {
          tags: ['sandbox'],
          summary: `Optimise a portfolio of scored applications under a strategy (up to ${MAX_ROWS.toLocaleString('en-US')} rows): the best offer or decline per application, binding constraints with shadow prices, per-segment PD cutoffs, and the efficient frontier`,
          body: z.strictObject({
            csv: z.string().min(1).describe("applications with the columns the strategy's `columns` names (PD, amount, segment...)"),
            strategy: z.record(z.string(), z.unknown()).describe('docs/strategy.schema.json'),
            points: z.number().int().min(2).max(30).default(10).describe('points on the efficient frontier'),
          }),
          response: { 200: z.record(z.string(), z.unknown()), ...errorResponses, 422: errorResponses[400] },
        },
      },
      async (request) => {
        try {
          parseStrategy(request.body.strategy);
        } catch (err) {
          if (err instanceof StrategyError) throw new ApiError(400, 'invalid_strategy', `strategy: ${err.message}`);
          throw err;
        }
        const rows = request.body.csv.split('\n').filter((l) => l.trim()).length - 1;
        if (rows > MAX_ROWS) throw new ApiError(400, 'too_large', `csv: ${rows} applications; the API optimises up to ${MAX_ROWS}, use \`arbiter optimize\` for more`);
        try {
          return { ...(await optimizeInWorker(request.body)) };
        } catch (err) {
          if (err instanceof OptimizationFailed) throw new ApiError(err.kind === 'infeasible' ? 422 : 400, err.kind === 'infeasible' ? 'infeasible' : err.kind === 'timeout' ? 'timeout' : 'invalid_data', err.message);
          throw err;
        }
      },
    );
  };
}
