import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  DelegateBackoff,
  handleWhen,
  retry,
  type CircuitBreakerPolicy,
  type IBackoff,
  type IRetryBackoffContext,
  type RetryPolicy,
} from 'cockatiel';
import { systemClock, type Clock } from '../support/clock.ts';
import type { ConnectorDefinition } from './definition.ts';
import { ConnectorFailure } from './failures.ts';

export type CircuitName = 'closed' | 'open' | 'half-open' | 'isolated';

const STATE_NAMES: Record<CircuitState, CircuitName> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
};

/** Failures that say the bureau is unwell, not that this one request was wrong or the person unknown. */
const opensCircuit = (err: unknown) =>
  err instanceof ConnectorFailure && (err.code === 'timeout' || err.code === 'unavailable' || err.code === 'malformed' || err.code === 'rate_limited');

const retryable = (err: unknown) => err instanceof ConnectorFailure && err.retryable;

/**
 * Exponential backoff with full jitter, except after a 429: then the bureau's Retry-After,
 * which is a promise about when it will answer, not a guess.
 */
function backoff(def: ConnectorDefinition['retries']) {
  return new DelegateBackoff((ctx: IRetryBackoffContext<unknown>) => {
    const err = 'error' in ctx.result ? ctx.result.error : undefined;
    if (err instanceof ConnectorFailure && err.retryAfterMs !== undefined) return err.retryAfterMs;
    const ceiling = Math.min(def.maxMs, def.baseMs * 2 ** (ctx.attempt - 1));
    return Math.round(Math.random() * ceiling);
  });
}

/**
 * How long the circuit stays open, measured on `clock`. Cockatiel compares the wall clock with a
 * backoff's duration; this one reads 0 once `ms` have passed on `clock` since it opened, and
 * forever until then, so the circuit follows `clock` and tests need not sleep.
 */
function halfOpenAfter<T>(ms: number, clock: Clock) {
  const openedFor = (): IBackoff<T> => {
    const openedAt = clock.now();
    return {
      get duration() {
        return clock.now() - openedAt >= ms ? 0 : Number.POSITIVE_INFINITY;
      },
      next: openedFor,
    };
  };
  return { next: openedFor };
}

/** Retry around a circuit breaker, one pair per connector id and shared by every pull through it. */
export class ConnectorPolicy {
  readonly breaker: CircuitBreakerPolicy;
  private readonly retry: RetryPolicy;
  retries = 0;

  constructor(def: ConnectorDefinition, clock: Clock = systemClock) {
    this.breaker = circuitBreaker(handleWhen(opensCircuit), {
      halfOpenAfter: halfOpenAfter(def.circuit.halfOpenAfterMs, clock),
      breaker: new ConsecutiveBreaker(def.circuit.consecutiveFailures),
    });
    this.retry = retry(handleWhen(retryable), { maxAttempts: def.retries.max, backoff: backoff(def.retries) });
    this.retry.onRetry(() => this.retries++);
  }

  get state(): CircuitName {
    return STATE_NAMES[this.breaker.state];
  }

  /** Runs `attempt` under the policy; an open circuit becomes a `circuit_open` failure without a call. */
  async execute<T>(attempt: (n: number) => Promise<T>): Promise<T> {
    let n = 0;
    try {
      // Each attempt passes the breaker, so an attempt that finds it open stops the retries.
      return await this.retry.execute(() => this.breaker.execute(() => attempt(++n)));
    } catch (err) {
      if (err instanceof BrokenCircuitError)
        throw new ConnectorFailure(
          'circuit_open',
          `the circuit to this bureau is open after repeated failures; no call was made (${n} attempt(s) in this pull)`,
        );
      throw err;
    }
  }
}
