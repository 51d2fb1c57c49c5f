/** How changes to decision logic are released on this installation. */
export interface GovernanceSettings {
  /**
   * One person may publish what they wrote, and roll back without a second person confirming
   * (ARBITER_SINGLE_PERSON_RELEASE=true): for development installations only; off by default.
   */
  singlePersonRelease: boolean;
  /** How many of the live version's latest decisions an impact report replays (ARBITER_IMPACT_DECISIONS). */
  impactDecisions: number;
}

export const MAX_IMPACT_DECISIONS = 1_000_000;

export function governanceFromEnv(env: NodeJS.ProcessEnv = process.env): GovernanceSettings {
  const single = env.ARBITER_SINGLE_PERSON_RELEASE ?? '';
  if (!['', 'true', 'false'].includes(single)) throw new Error(`ARBITER_SINGLE_PERSON_RELEASE must be "true" or "false", got "${single}"`);
  const raw = env.ARBITER_IMPACT_DECISIONS ?? '';
  const impactDecisions = raw === '' ? 10_000 : Number(raw);
  if (!Number.isInteger(impactDecisions) || impactDecisions < 1 || impactDecisions > MAX_IMPACT_DECISIONS)
    throw new Error(`ARBITER_IMPACT_DECISIONS must be a whole number from 1 to ${MAX_IMPACT_DECISIONS}, got "${raw}"`);
  return { singlePersonRelease: single === 'true', impactDecisions };
}
