import { secondsFromEnv } from '../support/env-seconds.ts';
import { WakeablePause } from '../support/wakeable-pause.ts';
import { hostname } from 'node:os';
import { advanceCursor, markDelivered, markFailed, pendingEvents, releaseSinkLease, takeSinkLease, type Database } from '../store/index.ts';
import type { EventSink } from './event-sink.ts';

const BATCH = 200;
/** Failures in a row that end a round: the sink is probably down, and each may have waited for its timeout. */
const FAILURES_PER_ROUND = 3;

/** Seconds before attempt `n + 1` after `n` failed: 1, 2, 4 ... capped at ten minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(600, 2 ** Math.max(0, attempts - 1));
}

interface Logger {
  warn(obj: object, msg: string): void;
}

/**
 * Delivers the outbox to each sink: at least once, in order per application. One server at a
 * time delivers to a given sink (a lease in the database), so order holds across servers; an
 * event whose delivery fails holds back the later events of its application (not of others)
 * until it is delivered or dead-lettered after the sink's attempts.
 */
export class EventDispatcher {
  private readonly holder = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private stopped = false;
  private readonly loops: Promise<void>[] = [];
  private readonly pause = new WakeablePause();
  /**
   * A lease outlives many rounds, so a live holder keeps it; a dead one's lapses within seconds
   * (ARBITER_EVENT_LEASE_SECONDS: shorter means faster take-over after a crash, longer tolerates
   * longer pauses of a live server).
   */
  private readonly leaseSeconds = secondsFromEnv('ARBITER_EVENT_LEASE_SECONDS', 15);

  constructor(
    private readonly db: Database,
    private readonly sinks: EventSink[],
    private readonly options: { idleMs?: number; logger?: Logger } = {},
  ) {}

  start(): void {
    for (const sink of this.sinks) this.loops.push(this.loop(sink));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.pause.wake();
    await Promise.all(this.loops);
    for (const sink of this.sinks) {
      await releaseSinkLease(this.db, sink.name, this.holder).catch(() => {});
      await sink.close().catch(() => {});
    }
  }

  private async loop(sink: EventSink): Promise<void> {
    while (!this.stopped) {
      let moved = 0;
      try {
        moved = await this.round(sink);
      } catch (err) {
        // The database is away or the lease was lost: the next round tries again.
        this.options.logger?.warn({ sink: sink.name, err: { message: (err as Error).message } }, 'event delivery round failed');
      }
      if (moved === 0 && !this.stopped) await this.pause.wait(this.options.idleMs ?? 250);
    }
  }

  /** One round at one sink; returns how many events it settled (delivered or dead-lettered). */
  async round(sink: EventSink): Promise<number> {
    const cursor = await takeSinkLease(this.db, sink.name, this.holder, this.leaseSeconds);
    if (cursor === null) return 0;
    const pending = await pendingEvents(this.db, sink.name, cursor, BATCH);
    const held = new Set<string>();
    let firstOpen = Number.POSITIVE_INFINITY;
    let last = cursor;
    let settled = 0;
    let failuresInRow = 0;
    for (const p of pending) {
      if (this.stopped || failuresInRow >= FAILURES_PER_ROUND) {
        firstOpen = Math.min(firstOpen, p.event.seq);
        break;
      }
      last = p.event.seq;
      if (held.has(p.event.applicationId) || !p.due) {
        held.add(p.event.applicationId);
        firstOpen = Math.min(firstOpen, p.event.seq);
        continue;
      }
      try {
        await sink.deliver(p.event);
        await markDelivered(this.db, sink.name, p.event.seq);
        settled++;
        failuresInRow = 0;
      } catch (err) {
        failuresInRow++;
        const attempts = p.attempts + 1;
        const dead = attempts >= sink.maxAttempts;
        const message = (err as Error).message;
        await markFailed(this.db, sink.name, p.event.seq, attempts, message, dead ? null : new Date(Date.now() + retryDelaySeconds(attempts) * 1000));
        if (dead) {
          settled++;
          this.options.logger?.warn({ sink: sink.name, event: p.event.id, attempts }, 'event dead-lettered');
        } else {
          held.add(p.event.applicationId);
          firstOpen = Math.min(firstOpen, p.event.seq);
        }
      }
    }
    await advanceCursor(this.db, sink.name, this.holder, Number.isFinite(firstOpen) ? firstOpen - 1 : last);
    return settled;
  }
}
