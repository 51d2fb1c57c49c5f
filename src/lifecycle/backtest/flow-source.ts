import { compileBundle, compileFlow, loadFlowFile, type CompiledFlow, type FlowBundle } from '../../flow/index.ts';

/** A flow for a back-test: a flow file (with the DMN, model and connector files beside it), a definition, or a stored version's bundle. */
export type FlowSource = { file: string } | { definition: unknown } | { bundle: FlowBundle };

async function load(source: FlowSource): Promise<CompiledFlow> {
  if ('file' in source) return loadFlowFile(source.file);
  return 'bundle' in source ? compileBundle(source.bundle) : compileFlow(source.definition);
}

export async function loadFlows(candidate: FlowSource, baseline: FlowSource): Promise<{ candidate: CompiledFlow; baseline: CompiledFlow }> {
  return { candidate: await load(candidate), baseline: await load(baseline) };
}
