export { ServiceError, type ServiceErrorKind } from './service-error.ts';
export type { ServiceContext } from './service-context.ts';
export { createServices, startWorkers, type Services, type ServiceHooks } from './services.ts';
export {
  DecisionService,
  REVEAL_PURPOSES,
  type DecisionRequest,
  type OpenedDecision,
  type Explanation,
  type RevealPurpose,
} from './decision-service.ts';
export { ReviewService } from './review-service.ts';
export { FlowService, type ChallengerRequest, type FlowValidation } from './flow-service.ts';
export { ConnectorService } from './connector-service.ts';
export { DmnService, MAX_DMN_BYTES, DMN_MODEL_ID, type DmnEvaluation } from './dmn-service.ts';
export { ModelService } from './model-service.ts';
export { KeyService } from './key-service.ts';
export { LOCALES, type Locale } from '../support/locales.ts';
export type { Preferences } from '../store/index.ts';
export { currencyFromEnv } from './currency.ts';
export { AuditService } from './audit-service.ts';
export { OutcomeService, MAX_OUTCOME_EVENTS } from './outcome-service.ts';
export { BacktestService, type BacktestRequest } from './backtest-service.ts';
export { LifecycleService, type ProgramRequest } from './lifecycle-service.ts';
export { MonitoringService } from './monitoring-service.ts';
export { OptimizationService, MAX_OPTIMIZED_ROWS } from './optimization-service.ts';
export { SystemService, type Readiness } from './system-service.ts';
export { ADVERSE_ACTION_MONTHS, CLAIM_MINUTES, DEFAULT_RETENTION_DAYS, retentionTerms } from './policy.ts';
export { EventService } from './event-service.ts';
export { BatchService, BATCH_CHUNK_ROWS, BATCH_MAX_ROWS, batchRowKey, type BatchFormat } from './batch-service.ts';
export { applicationsFromParquet, batchResultsParquet } from './parquet-files.ts';
export type { BatchRecord, BatchResultRow } from '../store/index.ts';
export { batchResultsCsv } from './batch-results-csv.ts';
export {
  ReleaseService,
  type ReleaseRecord,
  type SubmitRequest,
  type ApproveRequest,
  type RollbackRequest,
  type ArtefactRequest,
  type ModelRollback,
} from './release-service.ts';
export type { ImpactResult } from './release-impact.ts';
export { governanceFromEnv, MAX_IMPACT_DECISIONS, type GovernanceSettings } from './governance.ts';
export { SignInService, SignInError, type SignInFailure } from './sign-in-service.ts';
export { oidcFromEnv, type OidcSettings } from './oidc-settings.ts';
export { BundleService, BUNDLE_FORMAT, type BundleContent, type SignedBundle, type ImportedBundle } from './bundle-service.ts';
export { AccessService, type Permission, type RolePermissions } from './access-service.ts';
export { assessImpact, type ImpactAssessment } from './impact-assessment.ts';
export { impactAssessmentHtml } from './impact-assessment-html.ts';
export { exportEvidence, verifyEvidence, type EvidencePack } from './evidence-pack.ts';
export { ScorecardBinsService, type LabelledData } from './scorecard-bins-service.ts';
