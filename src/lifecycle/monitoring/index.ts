export { monitorConfigSchema, type MonitorConfig } from './monitor-config.ts';
export { computeMonitoring, monthOf, type MonitoredDecision, type Snapshot, type AlertDraft, type MonthStats } from './compute-monitoring.ts';
