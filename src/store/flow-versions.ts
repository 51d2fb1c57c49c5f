import { createHash } from 'node:crypto';
import { appendAudit } from './audit-log.ts';
import type { Actor } from './api-keys.ts';
import type { Database, Queryable } from './database.ts';
import { iso, json } from './row-values.ts';
import { StoreError } from './store-error.ts';

export interface FlowVersion {
  flowId: string;
  version: number;
  status: 'draft' | 'published';
  definition: unknown;
  contentHash: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  publishedAt: string | null;
  publishedBy: string | null;
}

export interface FlowSummary {
  id: string;
  name: string;
  latestVersion: number;
  /** The highest published version. */
  publishedVersion: number | null;
  /** The version that decides: the last published, or an earlier one after a rollback. */
  liveVersion: number | null;
  createdAt: string;
}

interface VersionRow {
  flow_id: string;
  version: number;
  status: 'draft' | 'published';
  definition: unknown;
  content_hash: string;
  created_at: Date | string;
  created_by: string;
  updated_at: Date | string;
  published_at: Date | string | null;
  published_by: string | null;
}

function toVersion(r: VersionRow): FlowVersion {
  return {
    flowId: r.flow_id,
    version: Number(r.version),
    status: r.status,
    definition: json(r.definition),
    contentHash: r.content_hash,
    createdAt: iso(r.created_at)!,
    createdBy: r.created_by,
    updatedAt: iso(r.updated_at)!,
    publishedAt: iso(r.published_at),
    publishedBy: r.published_by,
  };
}

/** Over the definition as written: key order is meaningful (assignments run in order). */
export function contentHash(definition: unknown): string {
  return createHash('sha256').update(JSON.stringify(definition)).digest('hex');
}

/** Creates a flow with its first draft; the flow id comes from the definition. */
export async function createFlow(db: Database, id: string, name: string, definition: unknown, by: Actor): Promise<FlowVersion> {
  return db.transaction(async (tx) => {
    const { rows: existing } = await tx.query('select 1 from flows where id = $1', [id]);
    if (existing.length) throw new StoreError('conflict', `flow "${id}" exists already; add a version with POST /v1/flows/${id}/versions`);
    await tx.query('insert into flows (id, name, created_by) values ($1, $2, $3)', [id, name, by.actor]);
    const { rows } = await tx.query<VersionRow>(
      `insert into flow_versions (flow_id, version, status, definition, content_hash, created_by) values ($1, 1, 'draft', $2, $3, $4) returning *`,
      [id, JSON.stringify(definition), contentHash(definition), by.actor],
    );
    await appendAudit(tx, { actor: by.actor, action: 'flow.created', subjectType: 'flow', subjectId: id, requestId: by.requestId, data: { version: 1 } });
    return toVersion(rows[0]!);
  });
}

export async function addFlowVersion(db: Database, flowId: string, definition: unknown, by: Actor): Promise<FlowVersion> {
  return db.transaction(async (tx) => {
    const { rows: flows } = await tx.query('select 1 from flows where id = $1 for update', [flowId]);
    if (!flows.length) throw new StoreError('not_found', `no flow "${flowId}"`);
    const { rows } = await tx.query<VersionRow>(
      `insert into flow_versions (flow_id, version, status, definition, content_hash, created_by)
       select $1, coalesce(max(version), 0) + 1, 'draft', $2, $3, $4 from flow_versions where flow_id = $1 returning *`,
      [flowId, JSON.stringify(definition), contentHash(definition), by.actor],
    );
    const v = toVersion(rows[0]!);
    await appendAudit(tx, {
      actor: by.actor,
      action: 'flow.version_created',
      subjectType: 'flow',
      subjectId: flowId,
      requestId: by.requestId,
      data: { version: v.version },
    });
    return v;
  });
}

export async function updateDraft(db: Database, flowId: string, version: number, definition: unknown, by: Actor): Promise<FlowVersion> {
  return db.transaction(async (tx) => {
    const current = await lockVersion(tx, flowId, version);
    if (current.status !== 'draft')
      throw new StoreError('conflict', `version ${version} of flow "${flowId}" is published and cannot change; create a new version`);
    const { rows: open } = await tx.query<{ id: string }>(
      "select id from releases where subject_type = 'flow' and subject_id = $1 and version = $2 and status in ('submitted', 'approved')",
      [flowId, version],
    );
    if (open[0])
      throw new StoreError(
        'conflict',
        `version ${version} of flow "${flowId}" is submitted for approval (release ${open[0].id}) and cannot change; withdraw the submission first (POST /v1/releases/${open[0].id}/withdraw)`,
      );
    const { rows } = await tx.query<VersionRow>(
      'update flow_versions set definition = $3, content_hash = $4, updated_at = now() where flow_id = $1 and version = $2 returning *',
      [flowId, version, JSON.stringify(definition), contentHash(definition)],
    );
    await appendAudit(tx, {
      actor: by.actor,
      action: 'flow.draft_updated',
      subjectType: 'flow',
      subjectId: flowId,
      requestId: by.requestId,
      data: { version, contentHash: contentHash(definition) },
    });
    return toVersion(rows[0]!);
  });
}

async function lockVersion(tx: Queryable, flowId: string, version: number): Promise<FlowVersion> {
  const { rows } = await tx.query<VersionRow>('select * from flow_versions where flow_id = $1 and version = $2 for update', [flowId, version]);
  if (!rows[0]) throw new StoreError('not_found', `flow "${flowId}" has no version ${version}`);
  return toVersion(rows[0]);
}

/** Publishes a draft after `check` (the caller's compile and publish checks) accepts it. */
export async function publishVersion(
  db: Database,
  flowId: string,
  version: number,
  by: Actor,
  check: (v: FlowVersion) => void | Promise<void>,
): Promise<FlowVersion> {
  return db.transaction((tx) => publishInTransaction(tx, flowId, version, by, check));
}

/** As publishVersion, inside the caller's transaction (a release publishes and records itself as one). */
export async function publishInTransaction(
  tx: Queryable,
  flowId: string,
  version: number,
  by: Actor,
  check: (v: FlowVersion) => void | Promise<void>,
): Promise<FlowVersion> {
  const current = await lockVersion(tx, flowId, version);
  if (current.status === 'published') throw new StoreError('conflict', `version ${version} of flow "${flowId}" is published already`);
  await check(current);
  const { rows } = await tx.query<VersionRow>(
    `update flow_versions set status = 'published', published_at = now(), published_by = $3 where flow_id = $1 and version = $2 returning *`,
    [flowId, version, by.actor],
  );
  await tx.query('update flows set live_version = $2 where id = $1', [flowId, version]);
  // A statement that values computed from personal data are not personal is recorded with the publication.
  const declassified = (current.definition as { declassify?: Record<string, string> } | null)?.declassify;
  await appendAudit(tx, {
    actor: by.actor,
    action: 'flow.published',
    subjectType: 'flow',
    subjectId: flowId,
    requestId: by.requestId,
    data: { version, contentHash: current.contentHash, ...(declassified && Object.keys(declassified).length ? { declassified } : {}) },
  });
  return toVersion(rows[0]!);
}

export async function getFlowVersion(db: Queryable, flowId: string, version?: number): Promise<FlowVersion> {
  const { rows } =
    version === undefined
      ? await db.query<VersionRow>('select v.* from flows f join flow_versions v on v.flow_id = f.id and v.version = f.live_version where f.id = $1', [flowId])
      : await db.query<VersionRow>('select * from flow_versions where flow_id = $1 and version = $2', [flowId, version]);
  if (!rows[0]) {
    throw new StoreError('not_found', version === undefined ? `flow "${flowId}" has no published version` : `flow "${flowId}" has no version ${version}`);
  }
  return toVersion(rows[0]);
}

export async function listFlowVersions(db: Queryable, flowId: string): Promise<FlowVersion[]> {
  const { rows } = await db.query<VersionRow>('select * from flow_versions where flow_id = $1 order by version', [flowId]);
  if (!rows.length) throw new StoreError('not_found', `no flow "${flowId}"`);
  return rows.map(toVersion);
}

export async function listFlows(db: Queryable): Promise<FlowSummary[]> {
  const { rows } = await db.query<{ id: string; name: string; created_at: Date | string; latest: number; published: number | null; live: number | null }>(
    `select f.id, f.name, f.created_at, f.live_version as live, max(v.version) as latest, max(v.version) filter (where v.status = 'published') as published
     from flows f join flow_versions v on v.flow_id = f.id group by f.id, f.name, f.created_at, f.live_version order by f.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    latestVersion: Number(r.latest),
    publishedVersion: r.published === null ? null : Number(r.published),
    liveVersion: r.live === null ? null : Number(r.live),
    createdAt: iso(r.created_at)!,
  }));
}

/**
 * Makes an earlier published version the one that decides. The caller has checked who may;
 * the version must have been published, so nothing unapproved goes live this way.
 */
export async function setLiveVersion(
  tx: Queryable,
  flowId: string,
  version: number,
  by: Actor,
  why: { release: string; reason: string; emergency: boolean },
): Promise<{ from: number | null }> {
  const { rows } = await tx.query<{ live: number | null }>('select live_version as live from flows where id = $1 for update', [flowId]);
  if (!rows[0]) throw new StoreError('not_found', `no flow "${flowId}"`);
  const target = await lockVersion(tx, flowId, version);
  if (target.status !== 'published')
    throw new StoreError('conflict', `version ${version} of flow "${flowId}" was never published; only a published version can go live again`);
  await tx.query('update flows set live_version = $2 where id = $1', [flowId, version]);
  const from = rows[0].live === null ? null : Number(rows[0].live);
  await appendAudit(tx, {
    actor: by.actor,
    action: 'flow.rolled_back',
    subjectType: 'flow',
    subjectId: flowId,
    requestId: by.requestId,
    data: { from, to: version, ...why },
  });
  return { from };
}

/** The version that decides for a flow, or null before anything is published. */
export async function liveVersionOf(db: Queryable, flowId: string): Promise<number | null> {
  const { rows } = await db.query<{ live: number | null }>('select live_version as live from flows where id = $1', [flowId]);
  if (!rows[0]) throw new StoreError('not_found', `no flow "${flowId}"`);
  return rows[0].live === null ? null : Number(rows[0].live);
}

/** Who wrote a version: the people who created it and edited it as a draft, from the audit log. */
export async function versionAuthors(q: Queryable, flowId: string, version: number): Promise<string[]> {
  const { rows } = await q.query<{ actor: string }>(
    `select distinct actor from audit_events
     where subject_type = 'flow' and subject_id = $1 and action in ('flow.created', 'flow.version_created', 'flow.draft_updated') and (data->>'version')::int = $2
     order by actor`,
    [flowId, version],
  );
  return rows.map((r) => r.actor);
}
