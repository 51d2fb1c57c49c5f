import { randomBytes } from 'node:crypto';
import type { Actor } from './api-keys.ts';
import { appendAudit } from './audit-log.ts';
import type { Database, Queryable } from './database.ts';
import { buf, iso, json } from './row-values.ts';
import { destroyDataKeys, insertDataKey } from './data-keys.ts';
import { followRelease } from './retraining.ts';
import { StoreError } from './store-error.ts';

export type ReleaseAction = 'publish' | 'rollback' | 'approve';
/** What a release is of: a flow, or a stored artefact flows name (approved for use). */
export type ReleaseSubject = 'flow' | 'model' | 'dmn_model' | 'connector';
export type ArtefactKind = Exclude<ReleaseSubject, 'flow'>;
export type ReleaseStatus = 'submitted' | 'approved' | 'rejected' | 'withdrawn' | 'published' | 'failed';
export type ImpactStatus = 'none' | 'pending' | 'running' | 'done' | 'failed';

/** A change one person asks for and another decides: a draft to publish, or a return to an earlier version. */
export interface Release {
  id: string;
  subjectType: ReleaseSubject;
  subjectId: string;
  action: ReleaseAction;
  version: number;
  /** The live version when the change was asked for. */
  fromVersion: number | null;
  contentHash: string;
  status: ReleaseStatus;
  note: string;
  /** Who created or edited the version: none of them may approve it. */
  authors: string[];
  submittedBy: string;
  submittedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  effectiveAt: string | null;
  publishedAt: string | null;
  /** A rollback one person made at once; a second person confirms it afterwards. */
  emergency: boolean;
  confirmedBy: string | null;
  confirmedAt: string | null;
  error: string | null;
  /** How many of the live version's latest decisions the impact report replays. */
  impactDecisions: number;
  impactStatus: ImpactStatus;
  /** The impact report (services/release-impact.ts), once written. */
  impact: unknown;
  impactError: string | null;
  /** Artefact versions this release approves for use together with its flow (a retrained model). */
  alsoApproves: ArtefactRef[];
}

/** A stored artefact's version. */
export interface ArtefactRef {
  kind: ArtefactKind;
  id: string;
  version: number;
}

interface ReleaseRow {
  id: string;
  subject_type: ReleaseSubject;
  subject_id: string;
  action: ReleaseAction;
  version: number;
  from_version: number | null;
  content_hash: string;
  status: ReleaseStatus;
  note: string;
  authors: string[];
  submitted_by: string;
  submitted_at: Date | string;
  decided_by: string | null;
  decided_at: Date | string | null;
  comment: string | null;
  effective_at: Date | string | null;
  published_at: Date | string | null;
  emergency: boolean;
  confirmed_by: string | null;
  confirmed_at: Date | string | null;
  error: string | null;
  impact_decisions: number;
  impact_status: ImpactStatus;
  impact: unknown;
  impact_error: string | null;
  also_approves: unknown;
}

function toRelease(r: ReleaseRow): Release {
  return {
    id: r.id,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    action: r.action,
    version: Number(r.version),
    fromVersion: r.from_version === null ? null : Number(r.from_version),
    contentHash: r.content_hash,
    status: r.status,
    note: r.note,
    authors: r.authors,
    submittedBy: r.submitted_by,
    submittedAt: iso(r.submitted_at)!,
    decidedBy: r.decided_by,
    decidedAt: iso(r.decided_at),
    comment: r.comment,
    effectiveAt: iso(r.effective_at),
    publishedAt: iso(r.published_at),
    emergency: r.emergency,
    confirmedBy: r.confirmed_by,
    confirmedAt: iso(r.confirmed_at),
    error: r.error,
    impactDecisions: Number(r.impact_decisions),
    impactStatus: r.impact_status,
    impact: r.impact === null ? null : json(r.impact),
    impactError: r.impact_error,
    alsoApproves: (json(r.also_approves) as ArtefactRef[] | null) ?? [],
  };
}

export interface NewRelease {
  /** A flow unless said. */
  subjectType?: ReleaseSubject;
  subjectId: string;
  action: ReleaseAction;
  version: number;
  fromVersion: number | null;
  contentHash: string;
  note: string;
  authors: readonly string[];
  impact: boolean;
  impactDecisions?: number;
  /** Set for an emergency rollback, which is applied as it is recorded. */
  emergency?: boolean;
  /** Artefact versions approved for use when the flow is released. */
  alsoApproves?: readonly ArtefactRef[];
}

const OPEN_CONFLICT = '23505';

/** Records a request; `more` runs in the same transaction (a job to enqueue, the change itself for an emergency). */
export async function createRelease(db: Database, r: NewRelease, by: Actor, more?: (tx: Queryable, release: Release) => Promise<void>): Promise<Release> {
  const id = `rel_${Date.now().toString(36)}${randomBytes(5).toString('hex')}`;
  try {
    return await db.transaction(async (tx) => {
      const { rows } = await tx.query<ReleaseRow>(
        `insert into releases (id, subject_type, subject_id, action, version, from_version, content_hash, status, note, authors, submitted_by, impact_status, emergency,
           decided_by, decided_at, published_at, impact_decisions, also_approves)
         values ($1, $14, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, case when $12 then $10 end, case when $12 then now() end, case when $12 then now() end, $13, $15)
         returning *`,
        [
          id,
          r.subjectId,
          r.action,
          r.version,
          r.fromVersion,
          r.contentHash,
          r.emergency ? 'published' : 'submitted',
          r.note,
          [...r.authors],
          by.actor,
          r.impact ? 'pending' : 'none',
          r.emergency ?? false,
          r.impact ? (r.impactDecisions ?? 0) : 0,
          r.subjectType ?? 'flow',
          JSON.stringify(r.alsoApproves ?? []),
        ],
      );
      const release = toRelease(rows[0]!);
      await appendAudit(tx, {
        actor: by.actor,
        action: r.emergency ? 'release.emergency_rollback' : 'release.submitted',
        subjectType: r.subjectType ?? 'flow',
        subjectId: r.subjectId,
        requestId: by.requestId,
        data: {
          release: id,
          action: r.action,
          version: r.version,
          fromVersion: r.fromVersion,
          contentHash: r.contentHash,
          note: r.note,
          ...(r.alsoApproves?.length ? { alsoApproves: r.alsoApproves } : {}),
        },
      });
      await more?.(tx, release);
      return release;
    });
  } catch (err) {
    if ((err as { code?: string }).code === OPEN_CONFLICT)
      throw new StoreError(
        'conflict',
        `version ${r.version} of ${(r.subjectType ?? 'flow').replace('_', ' ')} "${r.subjectId}" already has an open ${r.action} request; see GET /v1/releases`,
      );
    throw err;
  }
}

export async function getRelease(db: Queryable, id: string): Promise<Release> {
  const { rows } = await db.query<ReleaseRow>('select * from releases where id = $1', [id]);
  if (!rows[0]) throw new StoreError('not_found', `no release "${id}"; list them with GET /v1/releases`);
  return toRelease(rows[0]);
}

export async function lockRelease(tx: Queryable, id: string): Promise<Release> {
  const { rows } = await tx.query<ReleaseRow>('select * from releases where id = $1 for update', [id]);
  if (!rows[0]) throw new StoreError('not_found', `no release "${id}"; list them with GET /v1/releases`);
  return toRelease(rows[0]);
}

export interface ReleaseQuery {
  flow?: string;
  status?: ReleaseStatus;
  /** Emergency rollbacks nobody has confirmed yet. */
  unconfirmed?: boolean;
  limit: number;
}

export async function listReleases(db: Queryable, q: ReleaseQuery): Promise<Release[]> {
  const { rows } = await db.query<ReleaseRow>(
    `select * from releases
     where ($1::text is null or subject_id = $1) and ($2::text is null or status = $2) and (not $3 or (emergency and confirmed_by is null))
     order by submitted_at desc, id desc limit $4`,
    [q.flow ?? null, q.status ?? null, q.unconfirmed ?? false, q.limit],
  );
  return rows.map(toRelease);
}

/** A request's decision: approved (maybe for later), rejected or withdrawn, with who and why, audited. */
export async function decideRelease(
  tx: Queryable,
  id: string,
  decision: { status: 'approved' | 'rejected' | 'withdrawn'; comment: string | null; effectiveAt: string | null },
  by: Actor,
): Promise<Release> {
  const { rows } = await tx.query<ReleaseRow>(
    `update releases set status = $2, decided_by = $3, decided_at = now(), comment = $4, effective_at = $5 where id = $1 and status = 'submitted' returning *`,
    [id, decision.status, by.actor, decision.comment, decision.effectiveAt],
  );
  if (!rows[0]) throw new StoreError('conflict', `release ${id} is no longer waiting for a decision`);
  const release = toRelease(rows[0]);
  await appendAudit(tx, {
    actor: by.actor,
    action: `release.${decision.status}`,
    subjectType: release.subjectType,
    subjectId: release.subjectId,
    requestId: by.requestId,
    data: { release: id, action: release.action, version: release.version, comment: decision.comment, effectiveAt: decision.effectiveAt },
  });
  await followRelease(tx, release);
  return release;
}

/** The approved change has been made (published, or the live version set). */
export async function markReleased(tx: Queryable, id: string, by: Actor): Promise<Release> {
  const { rows } = await tx.query<ReleaseRow>(`update releases set status = 'published', published_at = now() where id = $1 returning *`, [id]);
  const release = toRelease(rows[0]!);
  await appendAudit(tx, {
    actor: by.actor,
    action: 'release.published',
    subjectType: release.subjectType,
    subjectId: release.subjectId,
    requestId: by.requestId,
    data: { release: id, action: release.action, version: release.version, approvedBy: release.decidedBy, submittedBy: release.submittedBy },
  });
  await followRelease(tx, release);
  return release;
}

/** An approved change that could not be made when due (the draft no longer passes its checks). */
export async function markReleaseFailed(db: Database, id: string, error: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<ReleaseRow>(`update releases set status = 'failed', error = $2 where id = $1 and status = 'approved' returning *`, [
      id,
      error,
    ]);
    if (!rows[0]) return;
    await appendAudit(tx, {
      actor: 'system',
      action: 'release.failed',
      subjectType: rows[0].subject_type,
      subjectId: rows[0].subject_id,
      data: { release: id, version: Number(rows[0].version), error },
    });
    await followRelease(tx, toRelease(rows[0]));
  });
}

export async function confirmEmergency(db: Database, id: string, comment: string | null, by: Actor): Promise<Release> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<ReleaseRow>(
      'update releases set confirmed_by = $2, confirmed_at = now(), comment = coalesce($3, comment) where id = $1 and emergency and confirmed_by is null returning *',
      [id, by.actor, comment],
    );
    if (!rows[0]) throw new StoreError('conflict', `release ${id} is not an emergency rollback waiting for confirmation`);
    const release = toRelease(rows[0]);
    await appendAudit(tx, {
      actor: by.actor,
      action: 'release.emergency_confirmed',
      subjectType: release.subjectType,
      subjectId: release.subjectId,
      requestId: by.requestId,
      data: { release: id, version: release.version, comment },
    });
    return release;
  });
}

/** Approved requests whose time has come, oldest first. */
export async function dueReleases(db: Queryable, now: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `select id from releases where status = 'approved' and (effective_at is null or effective_at <= $1) order by coalesce(effective_at, decided_at), id`,
    [now],
  );
  return rows.map((r) => r.id);
}

/** Takes a pending impact report to run; false when another process has it or it is done. */
export async function claimImpact(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query(`update releases set impact_status = 'running' where id = $1 and impact_status in ('pending', 'running') returning id`, [id]);
  return rows.length > 0;
}

export async function finishImpact(db: Queryable, id: string, result: { impact: unknown } | { error: string }): Promise<void> {
  if ('impact' in result)
    await db.query(`update releases set impact_status = 'done', impact = $2, impact_error = null where id = $1`, [id, JSON.stringify(result.impact)]);
  else await db.query(`update releases set impact_status = 'failed', impact_error = $2 where id = $1`, [id, result.error]);
}

const ARTEFACT_TABLES: Record<ArtefactKind, { table: string; id: string }> = {
  model: { table: 'model_versions', id: 'model_id' },
  dmn_model: { table: 'dmn_model_versions', id: 'model_id' },
  connector: { table: 'connector_versions', id: 'connector_id' },
};

/** A stored artefact's version, with who stored it and whether it is approved for use yet. */
export async function artefactVersion(
  db: Queryable,
  kind: ArtefactKind,
  id: string,
  version: number,
): Promise<{ contentHash: string; createdBy: string; approvedAt: string | null }> {
  const t = ARTEFACT_TABLES[kind];
  const { rows } = await db.query<{ content_hash: string; created_by: string; approved_at: Date | string | null }>(
    `select content_hash, created_by, approved_at from ${t.table} where ${t.id} = $1 and version = $2`,
    [id, version],
  );
  if (!rows[0]) throw new StoreError('not_found', `${kind.replace('_', ' ')} "${id}" has no version ${version}`);
  return { contentHash: rows[0].content_hash, createdBy: rows[0].created_by, approvedAt: iso(rows[0].approved_at) };
}

/** Marks an artefact's version approved for use (once), in the release's transaction. */
export async function approveArtefact(tx: Queryable, kind: ArtefactKind, id: string, version: number, by: Actor): Promise<void> {
  const t = ARTEFACT_TABLES[kind];
  await tx.query(`update ${t.table} set approved_by = $3, approved_at = now() where ${t.id} = $1 and version = $2 and approved_at is null`, [
    id,
    version,
    by.actor,
  ]);
}

/** Which of these pinned references ("id@version") name versions not approved for use. */
export async function unapprovedArtefacts(db: Queryable, kind: ArtefactKind, references: readonly { id: string; version: number }[]): Promise<string[]> {
  if (!references.length) return [];
  const t = ARTEFACT_TABLES[kind];
  const { rows } = await db.query<{ id: string; version: number }>(
    `select ${t.id} as id, version from ${t.table} where (${t.id}, version) in (select * from unnest($1::text[], $2::int[])) and approved_at is null`,
    [references.map((r) => r.id), references.map((r) => r.version)],
  );
  return rows.map((r) => `${r.id}@${Number(r.version)}`);
}

/** A release's uploaded sample, sealed: stored with its data key in the release's transaction. */
export async function saveReleaseSample(
  tx: Queryable,
  releaseId: string,
  dataKey: { id: string; version: number; wrapped: Buffer },
  rows: number,
  sealed: Buffer,
): Promise<void> {
  await insertDataKey(tx, dataKey);
  await tx.query('insert into release_samples (release_id, data_key_id, rows, sealed) values ($1, $2, $3, $4)', [releaseId, dataKey.id, rows, sealed]);
}

export async function releaseSample(
  db: Queryable,
  releaseId: string,
): Promise<{ dataKey: { id: string; version: number; wrapped: Buffer }; rows: number; sealed: Buffer } | null> {
  const { rows } = await db.query<{ data_key_id: string; master_version: number; wrapped: Buffer | Uint8Array; rows: number; sealed: Buffer | Uint8Array }>(
    `select s.data_key_id, k.master_version, k.wrapped, s.rows, s.sealed from release_samples s join data_keys k on k.id = s.data_key_id
     where s.release_id = $1 and k.destroyed_at is null`,
    [releaseId],
  );
  const r = rows[0];
  return r
    ? { dataKey: { id: r.data_key_id, version: Number(r.master_version), wrapped: buf(r.wrapped)! }, rows: Number(r.rows), sealed: buf(r.sealed)! }
    : null;
}

/** The sample has served its report: its applications and key go. */
export async function dropReleaseSample(tx: Queryable, releaseId: string): Promise<void> {
  const { rows } = await tx.query<{ data_key_id: string }>('delete from release_samples where release_id = $1 returning data_key_id', [releaseId]);
  if (rows[0]) await destroyDataKeys(tx, [rows[0].data_key_id]);
}
