import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_OPTIMIZED_ROWS, type OptimizationService } from '../../services/index.ts';
import { errorResponses } from '../schemas.ts';

const RUN = ['risk-manager', 'analyst'] as const;

export function optimizationRoutes(optimizations: OptimizationService) {
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/v1/optimizations',
      {
        config: { access: RUN },
        bodyLimit: 16 * 1024 * 1024,
        schema: {
          tags: ['sandbox'],
          summary: `Optimise a portfolio of scored applications under a strategy (up to ${MAX_OPTIMIZED_ROWS.toLocaleString('en-US')} rows): the best offer or decline per application, binding constraints with shadow prices, per-segment PD cutoffs, and the efficient frontier`,
          body: z.strictObject({
            csv: z.string().min(1).describe("applications with the columns the strategy's `columns` names (PD, amount, segment...)"),
            strategy: z.record(z.string(), z.unknown()).describe('docs/strategy.schema.json'),
            points: z.number().int().min(2).max(30).default(10).describe('points on the efficient frontier'),
          }),
          response: { 200: z.record(z.string(), z.unknown()), ...errorResponses, 422: errorResponses[400] },
        },
      },
      async (request) => ({ ...(await optimizations.optimize(request.body)) }),
    );
  };
}
