import { BureauGateway, compileConnector, MemoryLedger } from '../../connectors/index.ts';
import { compileFlow, type CompiledFlow } from '../compile.ts';
import { refuseDmnFile } from '../references.ts';
import type { FlowResolver } from '../run-types.ts';
import { parseModelFile } from '../../models/index.ts';
import type { DecisionTableDefinition } from '../../rules/index.ts';
import { ephemeralKeyProvider } from '../../privacy/index.ts';

/**
 * A stored flow version with everything it names (subflows, model files, connectors), as plain
 * data: what a worker thread needs to compile and run it without the database.
 */
export interface FlowBundle {
  definition: unknown;
  /** By `id@version` (or `id@latest`), as the flow names them. */
  subflows: Record<string, FlowBundle>;
  /** Model files by reference ("id@version"). */
  models: Record<string, unknown>;
  /** Connector definitions and their versions by reference. */
  connectors: Record<string, { definition: unknown; version: number }>;
  /** The decision tables of stored DMN models the flow's table nodes name, by "id@version#decision". */
  dmnTables: Record<string, DecisionTableDefinition>;
}

/** How a bundle keys a stored DMN model's decision table. */
export const dmnTableKey = (model: string, decision: string) => `${model}#${decision}`;

let workerGateway: BureauGateway | null = null;
/** Bureau pulls of a back-test in a worker: kept in memory for the run, sealed under keys that die with it. */
function gateway(): BureauGateway {
  return (workerGateway ??= new BureauGateway(new MemoryLedger(), ephemeralKeyProvider()));
}

/** Compiles a bundle as the catalog compiles the stored version it came from. */
export function compileBundle(bundle: FlowBundle): CompiledFlow {
  const subflows = new Map(Object.entries(bundle.subflows).map(([k, b]) => [k, compileBundle(b)]));
  const resolver: FlowResolver = {
    flow: (id, version) => subflows.get(`${id}@${version ?? 'latest'}`)!,
    model: (ref) => parseModelFile(bundle.models[ref], `model ${ref}`),
    connector: (ref) => {
      const c = bundle.connectors[ref]!;
      return gateway().bind(compileConnector(c.definition), c.version, ref);
    },
    dmnTable: (dmn) => (dmn.model !== undefined ? bundle.dmnTables[dmnTableKey(dmn.model, dmn.decision)]! : refuseDmnFile(dmn)),
  };
  return compileFlow(bundle.definition, resolver);
}
