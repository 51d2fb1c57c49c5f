export { compileFlow, parseFlow, type CompiledFlow, type FlowResult, type RunOptions, type ReviewVerdict } from './compile.ts';
export type { TrialReports } from './run-types.ts';
export {
  flowSchema,
  tableSchema,
  flowJsonSchema,
  DATA_CLASSES,
  type FlowDefinition,
  type NodeDefinition,
  type EdgeDefinition,
  type FieldDefinition,
  type FlowTestCase,
} from './definition.ts';
export { FlowError, type FlowIssue } from './flow-error.ts';
export { checkFlow, checkPublishable } from './static-checks.ts';
export { nullableConditions } from './nullable-conditions.ts';
export { EVALUATION_ERROR, FLOW_LIMITS } from './fail-closed.ts';
export type { DecisionOutput, Reason, TraceEntry, FlowResolver } from './nodes/node-handler.ts';
export { REVIEW_VERDICTS } from './nodes/review-node.ts';
export { enumeratePaths, pathKey, type FlowPath, type PathEnumeration } from './paths.ts';
export { loadFlowFile } from './resolvers/file-resolver.ts';
export { compileBundle, type FlowBundle } from './resolvers/bundle-resolver.ts';
export { FlowCatalog, type LoadedFlow, type StoredFlows, type StoredFlowVersion } from './resolvers/stored-resolver.ts';
export { parseApplications, pathCoverage, readApplications, type CoverageReport, type PathCoverage } from './coverage.ts';
export { diffFlows, jsonDiff, type FlowDiff, type Change } from './diff.ts';
export { pinnedName, pinnedReference, referencesOf, refuseDmnFile, type FlowReferences } from './references.ts';
export { derivedClasses, type DataClass } from './derived-classes.ts';
export { cutoffEdge, FlowEditError, scoreNodeOf, tableNodeOf, withCutoff, withModelVersion, withTable, type CutoffEdge } from './edit.ts';
export { locateIssues, type LocatedIssue } from './issue-target.ts';
export { runTestCases, runTrial, type TestCaseResult, type TrialInput, type TrialResult } from './trial.ts';
export { knownNamesOf } from './static-checks.ts';
export { tableNodeAsDmn } from './table-dmn.ts';
export { namesAfter } from './scope.ts';
export { rewriteReferences, type ReferenceMap } from './rewrite-references.ts';
