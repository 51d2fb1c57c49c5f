import type { Queryable } from './database.ts';
import { iso } from './row-values.ts';

export interface Consent {
  scope: string;
  grantedAt: string;
  expiresAt?: string | null;
  channel: string;
}

export async function listConsents(db: Queryable, decisionId: string): Promise<(Consent & { id: string })[]> {
  const { rows } = await db.query<{ id: string; scope: string; granted_at: Date | string; expires_at: Date | string | null; channel: string }>(
    'select id, scope, granted_at, expires_at, channel from consents where decision_id = $1 order by granted_at, id',
    [decisionId],
  );
  return rows.map((r) => ({ id: r.id, scope: r.scope, grantedAt: iso(r.granted_at)!, expiresAt: iso(r.expires_at), channel: r.channel }));
}
