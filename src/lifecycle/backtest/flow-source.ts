import { compileFlow, loadFlowFile, type CompiledFlow } from '../../flow/index.ts';

/** A flow for a back-test: a flow file (with the DMN, model and connector files beside it), or a definition. */
export type FlowSource = { file: string } | { definition: unknown };

async function load(source: FlowSource): Promise<CompiledFlow> {
  return 'file' in source ? loadFlowFile(source.file) : compileFlow(source.definition);
}

export async function loadFlows(candidate: FlowSource, baseline: FlowSource): Promise<{ candidate: CompiledFlow; baseline: CompiledFlow }> {
  return { candidate: await load(candidate), baseline: await load(baseline) };
}
