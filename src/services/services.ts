import { sealingFromEnv, useSealingAlgorithm } from '../privacy/index.ts';
import type { FlowResult } from '../flow/index.ts';
import { AuditService } from './audit-service.ts';
import { EventService } from './event-service.ts';
import { BatchService } from './batch-service.ts';
import { BacktestService } from './backtest-service.ts';
import { ConnectorService } from './connector-service.ts';
import { DecisionService } from './decision-service.ts';
import { DmnService } from './dmn-service.ts';
import { FlowService } from './flow-service.ts';
import { KeyService } from './key-service.ts';
import { LifecycleService } from './lifecycle-service.ts';
import { ModelService } from './model-service.ts';
import { MonitoringService } from './monitoring-service.ts';
import { OptimizationService } from './optimization-service.ts';
import { OutcomeService } from './outcome-service.ts';
import { ReviewService } from './review-service.ts';
import { ReleaseService } from './release-service.ts';
import { SignInService } from './sign-in-service.ts';
import { BundleService } from './bundle-service.ts';
import { AccessService } from './access-service.ts';
import { governanceFromEnv } from './governance.ts';
import { ScorecardBinsService } from './scorecard-bins-service.ts';
import type { ServiceContext } from './service-context.ts';
import { SystemService } from './system-service.ts';

/** Every use case of Arbiter, built once per process over one context. */
export interface Services {
  context: ServiceContext;
  decisions: DecisionService;
  reviews: ReviewService;
  flows: FlowService;
  releases: ReleaseService;
  signIn: SignInService;
  bundles: BundleService;
  access: AccessService;
  connectors: ConnectorService;
  dmn: DmnService;
  models: ModelService;
  scorecardBins: ScorecardBinsService;
  keys: KeyService;
  audit: AuditService;
  events: EventService;
  batches: BatchService;
  outcomes: OutcomeService;
  backtests: BacktestService;
  lifecycle: LifecycleService;
  monitoring: MonitoringService;
  optimizations: OptimizationService;
  system: SystemService;
}

export interface ServiceHooks {
  /** Told of every decision run (for metrics). */
  onDecision?: (flow: string, version: number, result: FlowResult, arm: string | null) => void;
}

export function createServices(context: ServiceContext, hooks: ServiceHooks = {}): Services {
  const { db, queue, logger } = context;
  // New ciphertexts are sealed as the installation chose; every format already stored stays readable.
  useSealingAlgorithm(sealingFromEnv());
  const decisions = new DecisionService(context, hooks.onDecision ?? null);
  const governance = context.governance ?? governanceFromEnv();
  const releases = new ReleaseService(db, queue, logger, decisions, context.clock, governance, context.keys);
  const lifecycle = new LifecycleService(db, queue, logger, decisions, releases);
  const flows = new FlowService(db, decisions, governance);
  const connectors = new ConnectorService(db, decisions.gateway, decisions.ledger);
  const dmn = new DmnService(db);
  const models = new ModelService(db);
  return {
    context,
    decisions,
    reviews: new ReviewService(db, decisions),
    flows,
    releases,
    signIn: new SignInService(db, logger, context.clock, context.oidc ?? null),
    bundles: new BundleService(db, flows, models, connectors, dmn),
    access: new AccessService(db),
    connectors,
    dmn,
    models,
    scorecardBins: new ScorecardBinsService(models),
    keys: new KeyService(db),
    audit: new AuditService(db, context.auditCheckpoints),
    events: new EventService(db),
    batches: new BatchService(db, context.keys, decisions, logger),
    outcomes: new OutcomeService(db),
    backtests: new BacktestService(db, queue, logger, decisions.catalog),
    lifecycle,
    monitoring: new MonitoringService(db, queue, logger, lifecycle),
    optimizations: new OptimizationService(),
    system: new SystemService(db, queue),
  };
}

/** Starts the job-queue workers of every service (a no-op without a queue). */
export async function startWorkers(services: Services, retentionDays?: number): Promise<void> {
  await services.decisions.startWorker(retentionDays);
  await services.backtests.startWorker();
  await services.lifecycle.startWorker();
  await services.monitoring.startWorker();
  await services.releases.startWorker();
  // Batch chunks are taken from the database itself (leases), so they need no job queue.
  services.batches.start();
}
