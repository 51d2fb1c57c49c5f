import { parseModelFile } from '../../models/index.ts';
import { typescriptWorker } from '../../support/typescript-worker.ts';
import type { Sample } from '../samples/index.ts';
import type { RetrainResult } from './retrain-model.ts';
import type { RetrainJob, RetrainMessage } from './retrain-worker.ts';

/**
 * Trains the challenger on a thread of its own: training takes seconds of computation, and the
 * server that runs a retraining job keeps answering decisions while it does.
 */
export function retrainInWorker(sample: Sample, championFile: unknown, ootMonths: number, timeoutMs = 30 * 60_000): Promise<RetrainResult> {
  const job: RetrainJob = {
    columns: [...sample.frame.columns],
    rows: sample.frame.rows,
    y: sample.y,
    time: sample.time,
    decisionIds: sample.decisionIds,
    report: sample.report,
    championFile,
    ootMonths,
  };
  return new Promise((resolve, reject) => {
    const w = typescriptWorker(new URL('./retrain-worker.ts', import.meta.url), { workerData: { retrain: job } });
    const timer = setTimeout(() => {
      void w.terminate();
      reject(new Error(`retraining took longer than ${timeoutMs / 60_000} minutes and was stopped`));
    }, timeoutMs);
    w.on('message', (m: RetrainMessage) => {
      clearTimeout(timer);
      void w.terminate();
      if ('error' in m) return reject(new Error(m.error));
      const { challengerFile, ...rest } = m.result;
      resolve({ ...rest, challenger: parseModelFile(challengerFile, 'the challenger') });
    });
    w.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
