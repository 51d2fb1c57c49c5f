import { randomBytes } from 'node:crypto';
import { appendAudit } from './audit-log.ts';
import type { Actor } from './api-keys.ts';
import type { Database, Queryable } from './database.ts';
import { iso, json } from './row-values.ts';
import { StoreError } from './store-error.ts';

export interface Alert {
  id: string;
  flowId: string;
  kind: string;
  metric: string;
  period: string;
  value: number;
  threshold: number;
  message: string;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  webhook: string | null;
}

type Row = Record<string, unknown>;
const toAlert = (r: Row): Alert => ({
  id: r.id as string,
  flowId: r.flow_id as string,
  kind: r.kind as string,
  metric: r.metric as string,
  period: r.period as string,
  value: Number(r.value),
  threshold: Number(r.threshold),
  message: r.message as string,
  raisedAt: iso(r.raised_at as Date)!,
  acknowledgedAt: iso((r.acknowledged_at as Date | null) ?? null),
  acknowledgedBy: (r.acknowledged_by as string | null) ?? null,
  webhook: (r.webhook as string | null) ?? null,
});

export async function setMonitor(
  db: Database,
  flowId: string,
  config: Record<string, unknown>,
  by: Actor,
): Promise<{ flowId: string; config: Record<string, unknown>; updatedAt: string }> {
  return db.transaction(async (tx) => {
    const { rows: flow } = await tx.query('select 1 from flows where id = $1', [flowId]);
    if (!flow.length) throw new StoreError('not_found', `no flow "${flowId}"`);
    const { rows } = await tx.query<Row>(
      'insert into monitors (flow_id, config, updated_by) values ($1, $2, $3) on conflict (flow_id) do update set config = excluded.config, updated_by = excluded.updated_by, updated_at = now() returning *',
      [flowId, JSON.stringify(config), by.actor],
    );
    await appendAudit(tx, { actor: by.actor, action: 'monitoring.configured', subjectType: 'flow', subjectId: flowId, requestId: by.requestId, data: config });
    return { flowId, config: json(rows[0]!.config) as Record<string, unknown>, updatedAt: iso(rows[0]!.updated_at as Date)! };
  });
}

export async function getMonitor(db: Queryable, flowId: string): Promise<Record<string, unknown>> {
  const { rows } = await db.query<Row>('select config from monitors where flow_id = $1', [flowId]);
  if (!rows[0]) throw new StoreError('not_found', `flow "${flowId}" is not monitored; configure it with PUT /v1/monitoring/${flowId}`);
  return json(rows[0].config) as Record<string, unknown>;
}

export async function listMonitoredFlows(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ flow_id: string }>('select flow_id from monitors order by flow_id');
  return rows.map((r) => r.flow_id);
}

/** A flow's decisions as monitoring sees them: C1 fields, scores, and the worst arrears within 3 months of booking. */
export async function monitoredDecisions(
  db: Queryable,
  flowId: string,
): Promise<{ createdAt: string; outcome: string | null; c1: Record<string, unknown>; scores: Record<string, number> | null; earlyDpd: number | null }[]> {
  const { rows } = await db.query<Row>(
    `select d.created_at, d.outcome, d.application_c1, d.scores,
            (select max(coalesce(o.days_past_due, 0)) from outcomes o join outcomes b on b.decision_id = o.decision_id and b.type = 'disbursement'
              where o.decision_id = d.id and o.occurred_at <= b.occurred_at + interval '3 months') as early_dpd,
            exists (select 1 from outcomes b where b.decision_id = d.id and b.type = 'disbursement') as booked
       from decisions d where d.flow_id = $1`,
    [flowId],
  );
  return rows.map((r) => ({
    createdAt: iso(r.created_at as Date)!,
    outcome: (r.outcome as string | null) ?? null,
    c1: json(r.application_c1) as Record<string, unknown>,
    scores: r.scores === null ? null : (json(r.scores) as Record<string, number>),
    earlyDpd: r.booked ? Number(r.early_dpd ?? 0) : null,
  }));
}

export async function saveSnapshot(db: Queryable, flowId: string, asOf: string, snapshot: unknown): Promise<void> {
  await db.query('insert into monitoring_snapshots (flow_id, as_of, snapshot) values ($1, $2, $3)', [flowId, asOf, JSON.stringify(snapshot)]);
}

export async function latestSnapshots(db: Queryable, flowId: string, limit: number): Promise<{ asOf: string; snapshot: unknown }[]> {
  const { rows } = await db.query<Row>('select as_of, snapshot from monitoring_snapshots where flow_id = $1 order by as_of desc, id desc limit $2', [
    flowId,
    limit,
  ]);
  return rows.map((r) => ({ asOf: iso(r.as_of as Date)!, snapshot: json(r.snapshot) }));
}

/** Raises the alerts not raised before (same flow, kind, metric and period); returns the new ones. */
export async function raiseAlerts(
  db: Database,
  flowId: string,
  drafts: { kind: string; metric: string; period: string; value: number; threshold: number; message: string }[],
): Promise<Alert[]> {
  if (!drafts.length) return [];
  return db.transaction(async (tx) => {
    const raised: Alert[] = [];
    for (const a of drafts) {
      const { rows } = await tx.query<Row>(
        'insert into alerts (id, flow_id, kind, metric, period, value, threshold, message) values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (flow_id, kind, metric, period) do nothing returning *',
        [`al_${Date.now().toString(36)}${randomBytes(5).toString('hex')}`, flowId, a.kind, a.metric, a.period, a.value, a.threshold, a.message],
      );
      if (rows[0]) raised.push(toAlert(rows[0]));
    }
    if (raised.length)
      await appendAudit(tx, {
        actor: 'system:monitoring',
        action: 'alerts.raised',
        subjectType: 'flow',
        subjectId: flowId,
        data: { alerts: raised.map((a) => ({ id: a.id, kind: a.kind, metric: a.metric, period: a.period })) },
      });
    return raised;
  });
}

export async function markAlertDelivery(db: Queryable, id: string, outcome: string): Promise<void> {
  await db.query('update alerts set webhook = $2 where id = $1', [id, outcome]);
}

export async function listAlerts(db: Queryable, q: { flowId?: string; open?: boolean; limit: number }): Promise<Alert[]> {
  const { rows } = await db.query<Row>(
    `select * from alerts where ($1::text is null or flow_id = $1) and ($2::boolean is null or ($2 and acknowledged_at is null) or (not $2 and acknowledged_at is not null)) order by raised_at desc, id desc limit $3`,
    [q.flowId ?? null, q.open ?? null, q.limit],
  );
  return rows.map(toAlert);
}

export async function acknowledgeAlert(db: Database, id: string, by: Actor): Promise<Alert> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<Row>(
      'update alerts set acknowledged_at = coalesce(acknowledged_at, now()), acknowledged_by = coalesce(acknowledged_by, $2) where id = $1 returning *',
      [id, by.actor],
    );
    if (!rows[0]) throw new StoreError('not_found', `no alert "${id}"`);
    await appendAudit(tx, { actor: by.actor, action: 'alert.acknowledged', subjectType: 'alert', subjectId: id, requestId: by.requestId });
    return toAlert(rows[0]);
  });
}
