export { sampleDefinitionSchema, type SampleDefinition } from './sample-definition.ts';
export { buildSample, type Sample, type SampleDecision, type SampleReport, type PerformanceEvent } from './build-sample.ts';
