import { appendAudit, deliveryCounts, listDeadLetters, retryDeadLetter, type Actor, type Database } from '../store/index.ts';
import { ServiceError } from './service-error.ts';

/** Decision events on their way out: where each sink stands, what it gave up on, and sending that again. */
export class EventService {
  constructor(private readonly db: Database) {}

  sinks() {
    return deliveryCounts(this.db);
  }

  deadLetters(sink: string | null, limit: number) {
    return listDeadLetters(this.db, sink, limit);
  }

  async retry(sink: string, seq: number, by: Actor): Promise<void> {
    if (!(await retryDeadLetter(this.db, sink, seq)))
      throw new ServiceError(
        'not_found',
        'no_dead_letter',
        `event ${seq} is not dead-lettered at sink "${sink}"; GET /v1/events/dead-letters lists those that are`,
      );
    await this.db.transaction((tx) =>
      appendAudit(tx, { actor: by.actor, action: 'event.retried', subjectType: 'event_sink', subjectId: sink, requestId: by.requestId, data: { seq } }),
    );
  }
}
