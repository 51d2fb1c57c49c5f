import { parentPort, workerData } from 'node:worker_threads';
import { Frame, modelFile, parseModelFile, type Column } from '../../models/index.ts';
import type { SampleReport } from '../samples/index.ts';
import { retrainChallenger, type RetrainResult } from './retrain-model.ts';

/** What crosses to the worker: the sample's columns as typed arrays, and the champion as its file. */
export interface RetrainJob {
  columns: Column[];
  rows: number;
  y: Uint8Array;
  time: Float64Array;
  decisionIds: string[];
  report: SampleReport;
  championFile: unknown;
  ootMonths: number;
}

/** What comes back: the result with the challenger as a model file. */
export type RetrainMessage = { result: Omit<RetrainResult, 'challenger'> & { challengerFile: unknown } } | { error: string };

if (parentPort && workerData?.retrain) {
  const job = workerData.retrain as RetrainJob;
  let message: RetrainMessage;
  try {
    const champion = parseModelFile(job.championFile, 'the champion');
    const sample = { frame: new Frame(job.columns, job.rows), y: job.y, time: job.time, decisionIds: job.decisionIds, report: job.report };
    const { challenger, ...rest } = retrainChallenger(sample, champion, job.ootMonths);
    message = { result: { ...rest, challengerFile: modelFile(challenger) } };
  } catch (err) {
    message = { error: (err as Error).message };
  }
  parentPort.postMessage(message);
}
