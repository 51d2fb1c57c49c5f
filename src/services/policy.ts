/**
 * The lender's rules of time, in one place: the store is told them with each call and
 * decides nothing of its own.
 */

/** How long a reviewer's claim on a case lasts before another reviewer may take it. */
export const CLAIM_MINUTES = 30;

/** Declines and refers are adverse actions: their records are kept this many months, whatever the retention period. */
export const ADVERSE_ACTION_MONTHS = 25;

/** How long personal data is kept when nothing holds it longer (ARBITER_RETENTION_DAYS). */
export const DEFAULT_RETENTION_DAYS = Number(process.env.ARBITER_RETENTION_DAYS || 7 * 365);

export function retentionTerms(retentionDays = DEFAULT_RETENTION_DAYS) {
  return { retentionDays, adverseActionMonths: ADVERSE_ACTION_MONTHS };
}
