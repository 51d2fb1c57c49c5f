import { OptimizationFailed, optimizeInWorker, parseStrategy, StrategyError } from '../optimize/index.ts';
import { ServiceError } from './service-error.ts';

/** Larger portfolios belong to `arbiter optimize`, which has no request to time out. */
export const MAX_OPTIMIZED_ROWS = 50_000;

type OptimizeRequest = Parameters<typeof optimizeInWorker>[0];

/** Portfolio optimisation: the best action per applicant under the lender's constraints, on a worker thread. */
export class OptimizationService {
  async optimize(req: OptimizeRequest): Promise<Awaited<ReturnType<typeof optimizeInWorker>>> {
    try {
      parseStrategy(req.strategy);
    } catch (err) {
      if (err instanceof StrategyError) throw new ServiceError('invalid', 'invalid_strategy', `strategy: ${err.message}`);
      throw err;
    }
    const rows = req.csv.split('\n').filter((l) => l.trim()).length - 1;
    if (rows > MAX_OPTIMIZED_ROWS)
      throw new ServiceError(
        'invalid',
        'too_large',
        `csv: ${rows} applications; the API optimises up to ${MAX_OPTIMIZED_ROWS}, use \`arbiter optimize\` for more`,
      );
    try {
      return await optimizeInWorker(req);
    } catch (err) {
      if (err instanceof OptimizationFailed) {
        throw err.kind === 'infeasible'
          ? new ServiceError('unprocessable', 'infeasible', err.message)
          : new ServiceError('invalid', err.kind === 'timeout' ? 'timeout' : 'invalid_data', err.message);
      }
      throw err;
    }
  }
}
