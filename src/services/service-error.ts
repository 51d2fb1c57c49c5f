/**
 * What a use case refuses, by kind: the API answers each kind with one HTTP status
 * (`api/error-handler.ts`), the CLI with a message and a non-zero exit.
 */
export type ServiceErrorKind =
  /** The request is wrong; the message says where and how to fix it. */
  | 'invalid'
  /** The caller may not do this, whatever they send. */
  | 'forbidden'
  | 'not_found'
  /** The request is well formed but the state of things refuses it now (claimed, held, not ready). */
  | 'conflict'
  /** What the request needs existed and was removed for good (erased personal data). */
  | 'gone'
  /** Understood and well formed, but cannot be met as asked (a reused idempotency key, an infeasible plan). */
  | 'unprocessable'
  /** Stored data failed a check: a fault to investigate, not the caller's mistake. */
  | 'integrity';

export class ServiceError extends Error {
  constructor(
    readonly kind: ServiceErrorKind,
    /** A stable code callers can branch on, such as `erased` or `legal_hold`. */
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
