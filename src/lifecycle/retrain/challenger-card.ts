import { frameFromRecords, modelCard, predictPd, type LoadedModel, type ModelCard } from '../../models/index.ts';
import type { Sample } from '../samples/index.ts';

export interface ChallengerCardOptions {
  /** The application field whose values get their own performance figures. */
  segment?: string;
  /** Application fields the model does not use, for the fairness report. */
  protectedAttributes?: string[];
  /** What the data is, for the card's record (the flow, the run's date). */
  description: string;
}

/**
 * A retrained model's card on what it was judged by: the out-of-time applications of its sample
 * (from `ootFrom`, which it was not trained on), with performance and score stability by month,
 * by segment, and a fairness report on attributes the applications record and the model does not
 * use. `applicationOf` gives a sample row's application, for the segment and those attributes.
 */
export function challengerCard(
  model: LoadedModel,
  sample: Sample,
  ootFrom: number,
  applicationOf: (decisionId: string) => Record<string, unknown> | undefined,
  options: ChallengerCardOptions,
): ModelCard {
  const rows = Int32Array.from({ length: sample.frame.rows }, (_, i) => i).filter((i) => sample.time[i]! >= ootFrom);
  const pd = predictPd(model, sample.frame.selectRows(rows));
  const y = Uint8Array.from(rows, (r) => sample.y[r]!);
  const attributes = options.protectedAttributes ?? [];
  const header = ['__month', ...(options.segment ? ['__segment'] : []), ...attributes];
  const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const records = Array.from(rows, (r) => {
    const application = applicationOf(sample.decisionIds[r]!) ?? {};
    return [
      new Date(sample.time[r]!).toISOString().slice(0, 7),
      ...(options.segment ? [cell(application[options.segment])] : []),
      ...attributes.map((a) => cell(application[a])),
    ];
  });
  return modelCard(model, frameFromRecords(header, records), y, pd, {
    dateColumn: '__month',
    ...(options.segment ? { segmentColumn: '__segment' } : {}),
    protectedAttributes: attributes,
    dataFile: options.description,
    limitations: [
      `measured on the ${rows.length} out-of-time applications from ${new Date(ootFrom).toISOString().slice(0, 10)}, which the model was not trained on; they cover the applicants whose outcomes the sample holds (booked accounts, and declined ones only where the sample infers them)`,
    ],
  });
}
