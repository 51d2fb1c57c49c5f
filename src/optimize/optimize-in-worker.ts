import { typescriptWorker } from '../support/typescript-worker.ts';
import type { OptimizationResult } from './optimize-portfolio.ts';

export class OptimizationFailed extends Error {
  constructor(
    message: string,
    readonly kind: 'invalid' | 'infeasible' | 'timeout',
  ) {
    super(message);
  }
}

/**
 * Runs an optimisation on its own thread: HiGHS solves synchronously, and a server deciding
 * loans must not stop answering while it does. Stopped after `timeoutMs`.
 */
export function optimizeInWorker(input: { csv: string; strategy: unknown; points: number }, timeoutMs = 120_000): Promise<OptimizationResult> {
  return new Promise((resolve, reject) => {
    const w = typescriptWorker(new URL('./optimize-worker.ts', import.meta.url), { workerData: input });
    const timer = setTimeout(() => {
      void w.terminate();
      reject(
        new OptimizationFailed(`the optimisation took longer than ${timeoutMs / 1000} s and was stopped; run it with \`arbiter optimize\` instead`, 'timeout'),
      );
    }, timeoutMs);
    w.on('message', (m: { result?: OptimizationResult; error?: { message: string; infeasible: boolean } }) => {
      if (m.result) {
        clearTimeout(timer);
        resolve(m.result);
        void w.terminate();
      } else if (m.error) {
        clearTimeout(timer);
        reject(new OptimizationFailed(m.error.message, m.error.infeasible ? 'infeasible' : 'invalid'));
        void w.terminate();
      }
    });
    w.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
