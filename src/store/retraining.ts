import { appendAudit } from './audit-log.ts';
import type { Actor } from './api-keys.ts';
import type { Database, Queryable } from './database.ts';
import { iso, json } from './row-values.ts';
import { StoreError } from './store-error.ts';

export interface RetrainProgram {
  modelId: string;
  flowId: string;
  scoreNode: string;
  sample: Record<string, unknown>;
  ootMonths: number;
  policy: Record<string, unknown>;
  /** The switch whose PD cutoff the program re-optimises with each new model, and the strategy it optimises; null when it keeps the cutoff. */
  decisionLogic: Record<string, unknown> | null;
  /** Triggers besides the schedule and drift alerts (sample growth); null for none. */
  triggers: Record<string, unknown> | null;
  updatedBy: string;
  updatedAt: string;
  /** A second risk manager who confirmed the program as set (needed for automatic promotion where releases take two people). */
  confirmedBy: string | null;
  confirmedAt: string | null;
}

export type RetrainStatus = 'queued' | 'running' | 'rejected' | 'awaiting_approval' | 'promoted' | 'rolled_back' | 'failed';

export interface RetrainRun {
  id: string;
  modelId: string;
  status: RetrainStatus;
  asOf: string;
  championVersion: number | null;
  challengerVersion: number | null;
  flowVersionBefore: number | null;
  flowVersionAfter: number | null;
  checks: unknown;
  reasons: string[];
  sampleReport: unknown;
  error: string | null;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
  decidedBy: string | null;
  /** The release that publishes the promotion; the run follows it. */
  releaseId: string | null;
}

type Row = Record<string, unknown>;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

const toProgram = (r: Row): RetrainProgram => ({
  modelId: r.model_id as string,
  flowId: r.flow_id as string,
  scoreNode: r.score_node as string,
  sample: json(r.sample) as Record<string, unknown>,
  ootMonths: Number(r.oot_months),
  policy: json(r.policy) as Record<string, unknown>,
  decisionLogic: r.decision_logic === null || r.decision_logic === undefined ? null : (json(r.decision_logic) as Record<string, unknown>),
  triggers: r.triggers === null || r.triggers === undefined ? null : (json(r.triggers) as Record<string, unknown>),
  updatedBy: r.updated_by as string,
  updatedAt: iso(r.updated_at as Date)!,
  confirmedBy: (r.confirmed_by as string | null) ?? null,
  confirmedAt: iso((r.confirmed_at as Date | null) ?? null),
});
const toRun = (r: Row): RetrainRun => ({
  id: r.id as string,
  modelId: r.model_id as string,
  status: r.status as RetrainStatus,
  asOf: iso(r.as_of as Date)!,
  championVersion: num(r.champion_version),
  challengerVersion: num(r.challenger_version),
  flowVersionBefore: num(r.flow_version_before),
  flowVersionAfter: num(r.flow_version_after),
  checks: r.checks === null ? null : json(r.checks),
  reasons: r.reasons === null ? [] : (json(r.reasons) as string[]),
  sampleReport: r.sample_report === null ? null : json(r.sample_report),
  error: (r.error as string | null) ?? null,
  createdBy: r.created_by as string,
  createdAt: iso(r.created_at as Date)!,
  finishedAt: iso((r.finished_at as Date | null) ?? null),
  decidedBy: (r.decided_by as string | null) ?? null,
  releaseId: (r.release_id as string | null) ?? null,
});

export async function setRetrainProgram(
  db: Database,
  p: Omit<RetrainProgram, 'updatedBy' | 'updatedAt' | 'confirmedBy' | 'confirmedAt'>,
  by: Actor,
): Promise<RetrainProgram> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<Row>(
      `insert into retrain_programs (model_id, flow_id, score_node, sample, oot_months, policy, decision_logic, triggers, updated_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       on conflict (model_id) do update set flow_id = excluded.flow_id, score_node = excluded.score_node, sample = excluded.sample, oot_months = excluded.oot_months, policy = excluded.policy, decision_logic = excluded.decision_logic, triggers = excluded.triggers, updated_by = excluded.updated_by, updated_at = now(), confirmed_by = null, confirmed_at = null
       returning *`,
      [
        p.modelId,
        p.flowId,
        p.scoreNode,
        JSON.stringify(p.sample),
        p.ootMonths,
        JSON.stringify(p.policy),
        p.decisionLogic === null ? null : JSON.stringify(p.decisionLogic),
        p.triggers === null ? null : JSON.stringify(p.triggers),
        by.actor,
      ],
    );
    await appendAudit(tx, {
      actor: by.actor,
      action: 'retrain.program_set',
      subjectType: 'model',
      subjectId: p.modelId,
      requestId: by.requestId,
      data: { flow: p.flowId, node: p.scoreNode, policy: p.policy, decisionLogic: p.decisionLogic, triggers: p.triggers },
    });
    return toProgram(rows[0]!);
  });
}

/** A second person confirms the program as it is now set; `updatedAt` is what they saw, so a change since is not confirmed by mistake. */
export async function confirmRetrainProgram(db: Database, modelId: string, updatedAt: string, by: Actor): Promise<RetrainProgram> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<Row>(
      "update retrain_programs set confirmed_by = $2, confirmed_at = now() where model_id = $1 and date_trunc('milliseconds', updated_at) = $3::timestamptz and confirmed_by is null returning *",
      [modelId, by.actor, updatedAt],
    );
    if (!rows[0]) {
      const now = await getRetrainProgram(tx, modelId);
      throw new StoreError(
        'conflict',
        now.confirmedBy
          ? `the program of model "${modelId}" is confirmed already, by ${now.confirmedBy}`
          : `the program of model "${modelId}" changed at ${now.updatedAt}; read it again and confirm what it is now`,
      );
    }
    await appendAudit(tx, {
      actor: by.actor,
      action: 'retrain.program_confirmed',
      subjectType: 'model',
      subjectId: modelId,
      requestId: by.requestId,
      data: { updatedAt },
    });
    return toProgram(rows[0]);
  });
}

export async function listRetrainPrograms(db: Queryable): Promise<RetrainProgram[]> {
  const { rows } = await db.query<Row>('select * from retrain_programs order by model_id');
  return rows.map(toProgram);
}

export async function getRetrainProgram(db: Queryable, modelId: string): Promise<RetrainProgram> {
  const { rows } = await db.query<Row>('select * from retrain_programs where model_id = $1', [modelId]);
  if (!rows[0]) throw new StoreError('not_found', `model "${modelId}" has no retraining program; set one with PUT /v1/lifecycle/programs/${modelId}`);
  return toProgram(rows[0]);
}

export async function createRetrainRun(
  db: Database,
  run: { id: string; modelId: string; asOf: string },
  by: Actor,
  enqueue?: (tx: Queryable) => Promise<void>,
): Promise<RetrainRun> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<Row>("insert into retrain_runs (id, model_id, status, as_of, created_by) values ($1, $2, 'queued', $3, $4) returning *", [
      run.id,
      run.modelId,
      run.asOf,
      by.actor,
    ]);
    await appendAudit(tx, {
      actor: by.actor,
      action: 'retrain.started',
      subjectType: 'model',
      subjectId: run.modelId,
      requestId: by.requestId,
      data: { run: run.id, asOf: run.asOf },
    });
    await enqueue?.(tx);
    return toRun(rows[0]!);
  });
}

/** Takes a queued run for this process; null when another took it. */
export async function claimRetrainRun(db: Queryable, id: string): Promise<RetrainRun | null> {
  const { rows } = await db.query<Row>("update retrain_runs set status = 'running' where id = $1 and status = 'queued' returning *", [id]);
  return rows[0] ? toRun(rows[0]) : null;
}

/** Moves a run on, only from the status it is expected to be in; every move is an audit event. */
export async function updateRetrainRun(
  db: Database,
  id: string,
  from: RetrainStatus[],
  to: RetrainStatus,
  fields: Partial<
    Pick<
      RetrainRun,
      | 'championVersion'
      | 'challengerVersion'
      | 'flowVersionBefore'
      | 'flowVersionAfter'
      | 'checks'
      | 'reasons'
      | 'sampleReport'
      | 'error'
      | 'decidedBy'
      | 'releaseId'
    >
  >,
  actor: string,
): Promise<RetrainRun> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<Row>(
      `update retrain_runs set status = $3,
         champion_version = coalesce($4, champion_version), challenger_version = coalesce($5, challenger_version),
         flow_version_before = coalesce($6, flow_version_before), flow_version_after = coalesce($7, flow_version_after),
         checks = coalesce($8, checks), reasons = coalesce($9, reasons), sample_report = coalesce($10, sample_report),
         error = coalesce($11, error), decided_by = coalesce($12, decided_by), release_id = coalesce($13, release_id),
         finished_at = case when $3 in ('queued', 'running') then null else now() end
       where id = $1 and status = any($2) returning *`,
      [
        id,
        from,
        to,
        fields.championVersion ?? null,
        fields.challengerVersion ?? null,
        fields.flowVersionBefore ?? null,
        fields.flowVersionAfter ?? null,
        fields.checks === undefined ? null : JSON.stringify(fields.checks),
        fields.reasons === undefined ? null : JSON.stringify(fields.reasons),
        fields.sampleReport === undefined ? null : JSON.stringify(fields.sampleReport),
        fields.error ?? null,
        fields.decidedBy ?? null,
        fields.releaseId ?? null,
      ],
    );
    if (!rows[0]) {
      const { rows: now } = await tx.query<{ status: string }>('select status from retrain_runs where id = $1', [id]);
      if (!now[0]) throw new StoreError('not_found', `no retraining run "${id}"`);
      throw new StoreError('conflict', `retraining run ${id} is ${now[0].status}, not ${from.join(' or ')}`);
    }
    const run = toRun(rows[0]);
    await appendAudit(tx, {
      actor,
      action: `retrain.${to}`,
      subjectType: 'model',
      subjectId: run.modelId,
      data: {
        run: id,
        champion: run.championVersion,
        challenger: run.challengerVersion,
        flowBefore: run.flowVersionBefore,
        flowAfter: run.flowVersionAfter,
        ...(run.releaseId ? { release: run.releaseId } : {}),
      },
    });
    return run;
  });
}

/**
 * A promotion's run follows its release, in the release's transaction (waiting for a person, or
 * still running while its program approves it): published, the run is
 * promoted (with the flow version it published); rejected or withdrawn, rejected; failed, failed.
 * A release that is not a promotion's changes nothing here.
 */
export async function followRelease(
  tx: Queryable,
  release: { id: string; status: string; version: number; decidedBy: string | null; comment: string | null; error: string | null },
): Promise<void> {
  const to =
    release.status === 'published'
      ? 'promoted'
      : release.status === 'rejected' || release.status === 'withdrawn'
        ? 'rejected'
        : release.status === 'failed'
          ? 'failed'
          : null;
  if (!to) return;
  const why =
    to === 'promoted'
      ? `released: ${release.id} approved by ${release.decidedBy}`
      : to === 'rejected'
        ? `${release.status}: release ${release.id}${release.decidedBy ? ` by ${release.decidedBy}` : ''}${release.comment ? ` (${release.comment})` : ''}`
        : `release ${release.id} failed: ${release.error ?? ''}`;
  const { rows } = await tx.query<Row>(
    `update retrain_runs set status = $2, decided_by = coalesce($3, decided_by), flow_version_after = case when $2 = 'promoted' then $4 else flow_version_after end,
       error = case when $2 = 'failed' then $5 else error end, reasons = coalesce(reasons, '[]'::jsonb) || jsonb_build_array($6::text), finished_at = now()
     where release_id = $1 and status in ('awaiting_approval', 'running') returning *`,
    [release.id, to, release.decidedBy, release.version, release.error, why],
  );
  if (!rows[0]) return;
  const run = toRun(rows[0]);
  await appendAudit(tx, {
    actor: release.decidedBy ?? 'system',
    action: `retrain.${to}`,
    subjectType: 'model',
    subjectId: run.modelId,
    data: {
      run: run.id,
      champion: run.championVersion,
      challenger: run.challengerVersion,
      flowBefore: run.flowVersionBefore,
      flowAfter: run.flowVersionAfter,
      release: release.id,
    },
  });
}

export async function getRetrainRun(db: Queryable, id: string): Promise<RetrainRun> {
  const { rows } = await db.query<Row>('select * from retrain_runs where id = $1', [id]);
  if (!rows[0]) throw new StoreError('not_found', `no retraining run "${id}"`);
  return toRun(rows[0]);
}

export async function listRetrainRuns(db: Queryable, modelId: string): Promise<RetrainRun[]> {
  const { rows } = await db.query<Row>('select * from retrain_runs where model_id = $1 order by created_at desc, id desc', [modelId]);
  return rows.map(toRun);
}

/** Decisions of a flow booked (disbursed) on or before a date: the accounts that can have matured by then. */
export async function bookedAccounts(db: Queryable, flowId: string, bookedBy: Date): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "select count(distinct o.decision_id)::int as n from outcomes o join decisions d on d.id = o.decision_id where d.flow_id = $1 and o.type = 'disbursement' and o.occurred_at <= $2",
    [flowId, bookedBy.toISOString()],
  );
  return Number(rows[0]?.n ?? 0);
}
