/** Why a pull gave no features; each is a port a bureau node may route on. */
export const FAILURE_CODES = ['no_consent', 'timeout', 'circuit_open', 'malformed', 'no_hit', 'rate_limited', 'unavailable', 'rejected'] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/** A failed bureau call, with whether trying again may help. */
export class ConnectorFailure extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
    readonly retryable = false,
    /** From a 429's Retry-After, in milliseconds. */
    readonly retryAfterMs?: number,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** A connector definition that cannot be used, with every problem and where. */
export class ConnectorError extends Error {
  constructor(
    readonly code: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  }
}
