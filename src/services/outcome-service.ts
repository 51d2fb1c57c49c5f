import { recordOutcomes, type Actor, type Database, type OutcomeEvent, type OutcomeReceipt } from '../store/index.ts';
import { ServiceError } from './service-error.ts';

/** Events in one request; more belong in several requests, each recorded whole or not at all. */
export const MAX_OUTCOME_EVENTS = 20_000;

/** What became of approved loans: the performance that training samples and monitoring read. */
export class OutcomeService {
  constructor(private readonly db: Database) {}

  /** Records every event or none; an event sent again (same eventId) is counted as a duplicate, not stored twice. */
  record(events: OutcomeEvent[], by: Actor): Promise<OutcomeReceipt> {
    if (!events.length) throw new ServiceError('invalid', 'invalid_outcomes', 'no events: send at least one');
    if (events.length > MAX_OUTCOME_EVENTS)
      throw new ServiceError('invalid', 'invalid_outcomes', `${events.length} events in one request; send at most ${MAX_OUTCOME_EVENTS}`);
    return recordOutcomes(this.db, events, by);
  }
}
