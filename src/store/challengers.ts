import { appendAudit } from './audit-log.ts';
import type { Actor } from './api-keys.ts';
import type { Database, Queryable } from './database.ts';
import { iso } from './row-values.ts';
import { StoreError } from './store-error.ts';

export interface Challenger {
  flowId: string;
  /** The version that decides every application the challenger does not. */
  champion: number;
  version: number;
  mode: 'split' | 'shadow';
  /** Split: the share of applications the challenger decides. Shadow: 1. */
  share: number;
  setBy: string;
  setAt: string;
}

interface Row {
  flow_id: string;
  champion_version: number;
  challenger_version: number;
  mode: 'split' | 'shadow';
  share: number;
  set_by: string;
  set_at: Date | string;
}

const toChallenger = (r: Row): Challenger => ({
  flowId: r.flow_id,
  champion: Number(r.champion_version),
  version: Number(r.challenger_version),
  mode: r.mode,
  share: Number(r.share),
  setBy: r.set_by,
  setAt: iso(r.set_at)!,
});

/**
 * Sets the challenger. The champion is the version named, or the live version (else the latest
 * published other than the challenger); both must be published.
 */
export async function setChallenger(
  db: Database,
  c: { flowId: string; version: number; champion?: number; mode: 'split' | 'shadow'; share: number },
  by: Actor,
): Promise<Challenger> {
  return db.transaction(async (tx) => {
    const { rows: published } = await tx.query<{ version: number }>(
      "select version from flow_versions where flow_id = $1 and status = 'published' order by version desc",
      [c.flowId],
    );
    const versions = published.map((r) => Number(r.version));
    const { rows: live } = await tx.query<{ live: number | null }>('select live_version as live from flows where id = $1', [c.flowId]);
    const liveVersion = live[0]?.live === null || live[0]?.live === undefined ? null : Number(live[0].live);
    const check = (v: number, role: string) => {
      if (!versions.includes(v))
        throw new StoreError(
          'conflict',
          `${role} version ${v} of "${c.flowId}" is not published${versions.length ? ` (published: ${versions.join(', ')})` : ''}: publish it before it decides real applications, or back-test it (POST /v1/backtests)`,
        );
    };
    check(c.version, 'challenger');
    // By default the version deciding now (after a rollback, not the highest published), else the latest other.
    const champion = c.champion ?? (liveVersion !== null && liveVersion !== c.version ? liveVersion : versions.find((v) => v !== c.version));
    if (champion === undefined) throw new StoreError('conflict', `"${c.flowId}" has no other published version to be the champion`);
    check(champion, 'champion');
    if (champion === c.version) throw new StoreError('conflict', `version ${champion} cannot be its own challenger`);
    const { rows } = await tx.query<Row>(
      `insert into flow_challengers (flow_id, champion_version, challenger_version, mode, share, set_by) values ($1, $2, $3, $4, $5, $6)
       on conflict (flow_id) do update set champion_version = excluded.champion_version, challenger_version = excluded.challenger_version, mode = excluded.mode, share = excluded.share, set_by = excluded.set_by, set_at = now()
       returning *`,
      [c.flowId, champion, c.version, c.mode, c.mode === 'shadow' ? 1 : c.share, by.actor],
    );
    await appendAudit(tx, {
      actor: by.actor,
      action: 'flow.challenger_set',
      subjectType: 'flow',
      subjectId: c.flowId,
      requestId: by.requestId,
      data: { champion, challenger: c.version, mode: c.mode, share: c.share },
    });
    return toChallenger(rows[0]!);
  });
}

export async function clearChallenger(db: Database, flowId: string, by: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query('delete from flow_challengers where flow_id = $1 returning flow_id', [flowId]);
    if (!rows.length) throw new StoreError('not_found', `flow "${flowId}" has no challenger`);
    await appendAudit(tx, { actor: by.actor, action: 'flow.challenger_cleared', subjectType: 'flow', subjectId: flowId, requestId: by.requestId });
  });
}

export async function getChallenger(db: Queryable, flowId: string): Promise<Challenger | null> {
  const { rows } = await db.query<Row>('select * from flow_challengers where flow_id = $1', [flowId]);
  return rows[0] ? toChallenger(rows[0]) : null;
}

export interface ArmStats {
  arm: string;
  version: number;
  decisions: number;
  outcomes: Record<string, number>;
  approvalRate: number;
  meanMs: number;
}

/** Decisions of the flow since the challenger was set, by arm; and for shadow runs, how the two verdicts compare. */
export async function challengerReport(
  db: Queryable,
  flowId: string,
  since: string,
): Promise<{ arms: ArmStats[]; shadow: { champion: string; shadow: string; count: number }[] }> {
  const { rows } = await db.query<{ arm: string; version: number; outcome: string; n: number; ms: number }>(
    `select coalesce(versions::jsonb ->> 'arm', 'champion') as arm, flow_version as version, coalesce(outcome, 'pending_review') as outcome, count(*)::int as n, avg(duration_ms)::float as ms
       from decisions where flow_id = $1 and created_at >= $2 group by 1, 2, 3 order by 1, 2, 3`,
    [flowId, since],
  );
  const arms = new Map<string, ArmStats>();
  for (const r of rows) {
    const key = `${r.arm}@${r.version}`;
    const a = arms.get(key) ?? { arm: r.arm, version: Number(r.version), decisions: 0, outcomes: {}, approvalRate: 0, meanMs: 0 };
    a.meanMs = (a.meanMs * a.decisions + Number(r.ms) * r.n) / (a.decisions + r.n);
    a.decisions += r.n;
    a.outcomes[r.outcome] = (a.outcomes[r.outcome] ?? 0) + r.n;
    arms.set(key, a);
  }
  for (const a of arms.values()) a.approvalRate = a.decisions ? (a.outcomes.approve ?? 0) / a.decisions : 0;
  const { rows: shadow } = await db.query<{ champion: string; shadow: string; n: number }>(
    `select coalesce(outcome, 'pending_review') as champion, versions::jsonb -> 'shadow' ->> 'outcome' as shadow, count(*)::int as n
       from decisions where flow_id = $1 and created_at >= $2 and versions::jsonb -> 'shadow' is not null group by 1, 2 order by 1, 2`,
    [flowId, since],
  );
  return { arms: [...arms.values()], shadow: shadow.map((s) => ({ champion: s.champion, shadow: s.shadow, count: s.n })) };
}
