export { connectorSchema, connectorJsonSchema, type ConnectorDefinition, type ConnectorInput } from './definition.ts';
export { compileConnector, type CompiledConnector } from './compile-connector.ts';
export { ConnectorError, ConnectorFailure, FAILURE_CODES, type FailureCode } from './failures.ts';
export { BureauGateway, type BoundConnector, type PullContext, type PullResult, type PullSource } from './gateway.ts';
export { MemoryLedger } from './memory-ledger.ts';
export { usageOf, latencySummary, type UsageGroup, type LatencySummary } from './usage.ts';
export type { BeginResult, PullLedger, PullRow, PullCompletion, PullStatus, SealedReport, ReusableReport, ConnectorUsage } from './pull-ledger.ts';
