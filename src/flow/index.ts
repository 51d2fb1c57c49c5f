export { compileFlow, parseFlow, type CompiledFlow, type FlowResult, type RunOptions, type ReviewVerdict } from './compile.ts';
export { flowSchema, flowJsonSchema, DATA_CLASSES, type FlowDefinition, type NodeDefinition, type EdgeDefinition, type FieldDefinition } from './definition.ts';
export { FlowError, type FlowIssue } from './flow-error.ts';
export { checkFlow, checkPublishable } from './static-checks.ts';
export type { DecisionOutput, Reason, TraceEntry, FlowResolver } from './nodes/node-handler.ts';
export { REVIEW_VERDICTS } from './nodes/review-node.ts';
export { enumeratePaths, pathKey, type FlowPath, type PathEnumeration } from './paths.ts';
export { loadFlowFile } from './file-resolver.ts';
export { pathCoverage, readApplications, type CoverageReport, type PathCoverage } from './coverage.ts';
