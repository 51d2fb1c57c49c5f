import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BureauGateway, compileConnector, MemoryLedger, type BoundConnector } from '../../connectors/index.ts';
import { loadModel, type LoadedModel } from '../../models/index.ts';
import { ephemeralKeyProvider } from '../../privacy/index.ts';
import { importDmn, type DecisionTableDefinition, type DmnModel } from '../../rules/index.ts';
import { compileFlow, type CompiledFlow } from '../compile.ts';
import { FlowError } from '../flow-error.ts';
import { dmnDecisionTable, referencesOf } from '../references.ts';
import type { FlowResolver } from '../run-types.ts';

function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new FlowError('unreadable', [{ path: '$', code: 'unreadable', message: `cannot read ${path}` }]);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new FlowError('invalid_json', [{ path: '$', code: 'invalid_json', message: `${path} is not valid JSON: ${(err as Error).message}` }]);
  }
}

let cliGateway: BureauGateway | null = null;
/** Pulls made by the CLI are kept in memory for the life of the command, under keys that die with it. */
function gateway(): BureauGateway {
  return (cliGateway ??= new BureauGateway(new MemoryLedger(), ephemeralKeyProvider()));
}

/**
 * Loads a flow file for the CLI: DMN, model and connector files its nodes name are read
 * relative to it, and a subflow `x` is the file `x.json` beside it. Everything is read before compiling.
 */
export async function loadFlowFile(path: string, seen: Set<string> = new Set()): Promise<CompiledFlow> {
  const full = resolve(path);
  if (seen.has(full)) throw new FlowError('subflow_cycle', [{ path: '$', code: 'subflow_cycle', message: `subflows form a loop through ${full}` }]);
  seen.add(full);
  const def = readJsonFile(full);
  const dir = dirname(full);
  const refs = referencesOf(def);
  const dmnModels = new Map<string, DmnModel>();
  for (const file of refs.dmnFiles) {
    if (!dmnModels.has(file)) dmnModels.set(file, await importDmn(readFileSync(join(dir, file), 'utf8')));
  }
  const models = new Map<string, LoadedModel>();
  for (const file of refs.models) {
    if (!models.has(file)) {
      try {
        models.set(file, loadModel(join(dir, file)));
      } catch (err) {
        throw new FlowError('unknown_model', [{ path: '$', code: 'unknown_model', message: `cannot load model ${file}: ${(err as Error).message}` }]);
      }
    }
  }
  const connectors = new Map<string, BoundConnector>();
  for (const file of refs.connectors) {
    if (connectors.has(file)) continue;
    const c = compileConnector(readJsonFile(join(dir, file)));
    connectors.set(file, gateway().bind(c, 1, file));
  }
  const subflows = new Map<string, CompiledFlow>();
  for (const { flow: id } of refs.subflows) {
    if (!subflows.has(id)) subflows.set(id, await loadFlowFile(join(dir, `${id}.json`), new Set(seen)));
  }
  const resolver: FlowResolver = {
    flow(id) {
      const f = subflows.get(id);
      if (!f) throw new FlowError('unknown_flow', [{ path: '$', code: 'unknown_flow', message: `no subflow file ${id}.json beside ${full}` }]);
      return f;
    },
    model: (file) => models.get(file)!,
    connector: (file) => connectors.get(file)!,
    dmnTable(dmn): DecisionTableDefinition {
      if (dmn.file === undefined)
        throw new FlowError('dmn_reference', [
          { path: '$', code: 'dmn_reference', message: `stored DMN models ("${dmn.model}") are for flows stored in Arbiter; a flow file names a DMN file` },
        ]);
      return dmnDecisionTable(dmnModels.get(dmn.file)!, dmn.file, dmn.decision);
    },
  };
  return compileFlow(def, resolver);
}
