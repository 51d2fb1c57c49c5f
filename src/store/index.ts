export type { Database, Queryable, DatabaseKind, PoolUse, PreparedStatement } from './database.ts';
export { prepared } from './database.ts';
export { openDatabase, defaultDataDir, type OpenOptions } from './open-database.ts';
export { migrate, pendingMigrations, listMigrations } from './migrate.ts';
export { StoreError } from './store-error.ts';
export { isDatabaseUnavailable } from './database-unavailable.ts';
export { appendAudit, listAudit, auditActions, verifyAudit, type AuditEntry, type AuditQuery, type AuditVerification } from './audit-log.ts';
export {
  createApiKey,
  listApiKeys,
  keyNames,
  revokeApiKey,
  findActiveKey,
  countApiKeys,
  hashSecret,
  type ApiKey,
  type CreatedKey,
  type Actor,
} from './api-keys.ts';
export {
  createFlow,
  addFlowVersion,
  updateDraft,
  publishVersion,
  publishInTransaction,
  setLiveVersion,
  liveVersionOf,
  versionAuthors,
  getFlowVersion,
  listFlowVersions,
  listFlows,
  contentHash,
  type FlowVersion,
  type FlowSummary,
} from './flow-versions.ts';
export {
  findDecisionByKey,
  scopedRequestKey,
  findDecisionsByDigest,
  overrideDecision,
  getDecision,
  listDecisions,
  flowDecisionPages,
  latestDecisionPages,
  resumeDecision,
  newId,
  type DecisionRecord,
  type NewDecision,
  type ResumedState,
  type DecisionWithConsents,
  type DecisionStatus,
} from './decisions.ts';
export { claimReview, decideReview, getReview, holdsClaim, listReviews, listReviewsOf, type ClaimTerms, type ReviewRecord } from './reviews.ts';
export { CONTEST_NODE, openContest } from './contests.ts';
export { listConsents, type Consent } from './consents.ts';
export { erasePersonalData, replayErasures, vacuumErased } from './erasure.ts';
export { startJobQueue, QUEUES, type JobQueue } from './job-queue.ts';
export { DecisionWriter } from './decision-writer.ts';
export { appendAuditBatch } from './audit-log.ts';
export { rewrapDataKeys, masterVersionsInUse } from './key-rotation.ts';
export { addLegalHold, heldUntil, dueForPurge, purgeDue, type LegalHold, type RetentionTerms } from './retention.ts';
export { addModelVersion, listModels, listModelVersions, getModelVersion, getModelFile, type ModelVersion } from './models.ts';
export { addConnectorVersion, listConnectors, listConnectorVersions, getConnectorVersion, type ConnectorVersion } from './connectors.ts';
export { addDmnModelVersion, listDmnModels, listDmnModelVersions, getDmnModelVersion, getDmnModelXml, type DmnModelVersion } from './dmn-models.ts';
export { DatabasePullLedger } from './bureau-pulls.ts';
export {
  createBacktest,
  claimBacktest,
  backtestProgress,
  finishBacktest,
  getBacktest,
  getBacktestHtml,
  listBacktests,
  type BacktestRecord,
} from './backtests.ts';
export { setChallenger, clearChallenger, getChallenger, challengerReport, type Challenger, type ArmStats } from './challengers.ts';
export { recordOutcomes, performanceOf, OUTCOME_TYPES, type OutcomeEvent, type OutcomeType, type OutcomeReceipt } from './outcomes.ts';
export {
  setRetrainProgram,
  getRetrainProgram,
  bookedAccounts,
  listRetrainPrograms,
  createRetrainRun,
  claimRetrainRun,
  updateRetrainRun,
  getRetrainRun,
  listRetrainRuns,
  confirmRetrainProgram,
  followRelease,
  type RetrainProgram,
  type RetrainRun,
  type RetrainStatus,
} from './retraining.ts';
export {
  setMonitor,
  getMonitor,
  listMonitoredFlows,
  monitoredDecisions,
  saveSnapshot,
  latestSnapshots,
  raiseAlerts,
  markAlertDelivery,
  listAlerts,
  acknowledgeAlert,
  type Alert,
} from './monitoring.ts';
export { ErasureLedger, type ErasureEntry } from './erasure-ledger.ts';
export { checkpointAudit, verifyAuditWithCheckpoints, type AuditCheckpoints } from './audit-checkpoint.ts';
export { grantRuntimeRole } from './runtime-role.ts';
export { recordEvents, listDeadLetters, retryDeadLetter, type EventType, type NewEvent, type OutboxEvent, type DeadLetter } from './event-outbox.ts';
export {
  takeSinkLease,
  releaseSinkLease,
  pendingEvents,
  markDelivered,
  markFailed,
  advanceCursor,
  deliveryCounts,
  type PendingEvent,
} from './event-deliveries.ts';
export {
  createBatch,
  getBatch,
  cancelBatch,
  claimChunk,
  renewChunkLease,
  completeChunk,
  batchResults,
  type BatchRecord,
  type BatchStatus,
  type BatchResultRow,
  type ClaimedChunk,
  type NewChunk,
} from './batches.ts';
export {
  createRelease,
  getRelease,
  lockRelease,
  listReleases,
  decideRelease,
  markReleased,
  markReleaseFailed,
  confirmEmergency,
  dueReleases,
  claimImpact,
  finishImpact,
  artefactVersion,
  approveArtefact,
  saveReleaseSample,
  releaseSample,
  dropReleaseSample,
  unapprovedArtefacts,
  type ReleaseSubject,
  type Release,
  type ReleaseAction,
  type ReleaseStatus,
  type ArtefactKind as ReleasedArtefact,
  type ReleaseQuery,
  type ArtefactRef,
} from './releases.ts';
export {
  signIn,
  findSession,
  endSession,
  recordFailedSignIn,
  saveSignIn,
  takeSignIn,
  userNames,
  listUsers,
  type User,
  type SignedIn,
  type ActiveSession,
} from './people.ts';
export {
  editedRoles,
  setRolePermissions,
  createAdminChange,
  getAdminChange,
  listAdminChanges,
  decideAdminChange,
  settlePendingKey,
  countAdmins,
  type EditedRole,
  type AdminChange,
  type AdminChangeKind,
} from './access-control.ts';
export { getPreferences, setPreferences, type Preferences } from './preferences.ts';
