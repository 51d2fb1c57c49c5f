import type { Logger } from 'pino';
import { computeMonitoring, monitorConfigSchema, type MonitorConfig, type Snapshot } from '../lifecycle/index.ts';
import {
  acknowledgeAlert,
  getMonitor,
  latestSnapshots,
  listAlerts,
  listMonitoredFlows,
  markAlertDelivery,
  monitoredDecisions,
  raiseAlerts,
  saveSnapshot,
  setMonitor,
  type Actor,
  type Alert,
  type Database,
  type JobQueue,
} from '../store/index.ts';
import { ServiceError } from './service-error.ts';
import type { LifecycleService } from './lifecycle-service.ts';

const WEBHOOK_TIMEOUT_MS = 3000;

/**
 * Monitoring: per flow, a snapshot of the last month against a baseline (approval rate,
 * score PSI, feature CSI, early delinquency by vintage), alerts raised once per period,
 * delivered to a webhook, and a drift alert starting a retraining run when the flow says so.
 */
export class MonitoringService {
  constructor(
    private readonly db: Database,
    private readonly queue: JobQueue | null,
    private readonly logger: Logger,
    private readonly lifecycle: LifecycleService,
  ) {}

  snapshots(flowId: string, limit: number): Promise<{ asOf: string; snapshot: unknown }[]> {
    return latestSnapshots(this.db, flowId, limit);
  }

  alerts(q: { flowId?: string; open?: boolean; limit: number }): Promise<Alert[]> {
    return listAlerts(this.db, q);
  }

  acknowledge(alertId: string, by: Actor): Promise<Alert> {
    return acknowledgeAlert(this.db, alertId, by);
  }

  async configure(flowId: string, body: unknown, by: Actor) {
    const parsed = monitorConfigSchema.safeParse(body);
    if (!parsed.success)
      throw new ServiceError('invalid', 'invalid_monitor', parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; '));
    return setMonitor(this.db, flowId, parsed.data, by);
  }

  async run(flowId: string, asOf = new Date()): Promise<{ snapshot: Snapshot; alerts: Alert[]; retrainRun: string | null }> {
    const config = monitorConfigSchema.parse(await getMonitor(this.db, flowId)) as MonitorConfig;
    const decisions = (await monitoredDecisions(this.db, flowId))
      .map((d) => {
        const raw = config.dateField ? d.c1[config.dateField] : d.createdAt;
        return { at: typeof raw === 'string' ? Date.parse(raw) : NaN, outcome: d.outcome, c1: d.c1, scores: d.scores, earlyDpd: d.earlyDpd };
      })
      .filter((d) => !Number.isNaN(d.at));
    const { snapshot, alerts: drafts } = computeMonitoring(decisions, config, asOf);
    await saveSnapshot(this.db, flowId, asOf.toISOString(), snapshot);
    const alerts = await raiseAlerts(this.db, flowId, drafts);
    if (config.webhook) for (const a of alerts) await this.deliver(config.webhook, a);
    let retrainRun: string | null = null;
    if (config.retrainModel && alerts.some((a) => a.kind === 'score_psi' || a.kind === 'csi')) {
      retrainRun = (await this.lifecycle.startRun(config.retrainModel, asOf.toISOString(), { actor: 'system:monitoring' })).id;
      this.logger.info({ flowId, model: config.retrainModel, retrainRun }, 'drift alert: retraining started');
    }
    return { snapshot, alerts, retrainRun };
  }

  /** One POST per alert; failures are recorded on the alert, never thrown. */
  private async deliver(url: string, alert: Alert): Promise<void> {
    let outcome: string;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ alert }),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      outcome = res.ok ? `delivered ${res.status}` : `refused ${res.status}`;
    } catch (err) {
      outcome = `failed: ${(err as Error).name === 'TimeoutError' ? `no answer within ${WEBHOOK_TIMEOUT_MS} ms` : (err as Error).message}`;
    }
    await markAlertDelivery(this.db, alert.id, outcome);
  }

  async startWorker(): Promise<void> {
    if (!this.queue) return;
    await this.queue.work<object>('monitoring.run', async () => {
      for (const flowId of await listMonitoredFlows(this.db)) {
        const r = await this.run(flowId).catch((err: Error) => this.logger.warn({ flowId, code: (err as { code?: string }).code }, 'monitoring failed'));
        if (r) this.logger.info({ flowId, alerts: r.alerts.length }, 'monitoring done');
      }
    });
    await this.queue.schedule('monitoring.run', '30 4 * * *');
  }
}
