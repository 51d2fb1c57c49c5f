/** A bureau report as kept in the ledger: sealed under its own data key, wrapped by the master key. */
export interface SealedReport {
  sealed: Buffer;
  dataKeyId: string;
  keyVersion: number;
  wrapped: Buffer;
}

export type PullStatus = 'pending' | 'success' | 'failed' | 'reused';

export interface PullRow {
  id: string;
  connectorId: string;
  connectorVersion: number;
  subjectIndex: string;
  /** The decision request (idempotency key) the pull served, when known. */
  requestKey: string | null;
}

export interface PullCompletion {
  status: 'success' | 'failed';
  outcome: string;
  cost: number;
  latencyMs: number;
  attempts: number;
  report: SealedReport | null;
  error: string | null;
}

export interface ReusableReport {
  pullId: string;
  report: SealedReport;
  completedAt: string;
}

export type BeginResult = { reuse: ReusableReport } | { started: true } | { started: false; pendingId: string; requestedAt: string };

export interface ConnectorUsage {
  connectorId: string;
  since: string | null;
  /** Calls made to the bureau (not reuses, not refusals before a call). */
  pulls: number;
  succeeded: number;
  failed: number;
  reused: number;
  refused: number;
  byOutcome: Record<string, number>;
  cost: number;
  errorRate: number;
  latencyMs: { p50: number | null; p95: number | null; p99: number | null; max: number | null };
  attempts: number;
}

/**
 * The record of every pull. An inquiry row is committed (pending) before its call, so its id
 * can go to the bureau as the request reference and a crash or timeout can be reconciled.
 */
export interface PullLedger {
  /**
   * One step, so that two requests cannot both decide to pull: a successful report for this
   * person that may be reused (the one the same request got, or one completed since `since`),
   * else a new pending inquiry, else the inquiry already pending for this person and connector.
   */
  begin(row: PullRow, reuse: { since: Date | null }): Promise<BeginResult>;
  complete(id: string, done: PullCompletion): Promise<void>;
  /** Where a pending inquiry stands; null if there is no such row. */
  statusOf(id: string): Promise<{ status: PullStatus; outcome: string | null; report: SealedReport | null } | null>;
  /** Marks an inquiry abandoned by a process that died mid-call, if it is still pending. */
  abandon(id: string): Promise<boolean>;
  /** A reuse or a refusal: no call, no charge, still on the record. */
  record(row: PullRow & { status: 'reused' | 'failed'; outcome: string; sourcePullId: string | null; error: string | null }): Promise<void>;
  usage(connectorId: string, since: Date | null): Promise<ConnectorUsage>;
}
