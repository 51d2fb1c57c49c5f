import { pinnedName } from '../flow/index.ts';
import { compileConnector, ConnectorError, type BureauGateway, type CompiledConnector, type PullLedger } from '../connectors/index.ts';
import {
  addConnectorVersion,
  getConnectorVersion,
  listConnectors,
  listConnectorVersions,
  type Actor,
  type ConnectorVersion,
  type Database,
} from '../store/index.ts';
import { ServiceError } from './service-error.ts';

/** A stored connector version with the name a flow's bureau node gives it. */
export type NamedConnectorVersion = ConnectorVersion & { reference: string };

const named = (v: ConnectorVersion): NamedConnectorVersion => ({ ...v, reference: pinnedName(v.connectorId, v.version) });

function checked(definition: unknown): CompiledConnector {
  try {
    return compileConnector(definition);
  } catch (err) {
    if (err instanceof ConnectorError)
      throw new ServiceError('invalid', 'invalid_connector', `the connector definition has ${err.issues.length} problem(s): ${err.message}`, err.issues);
    throw err;
  }
}

/** Bureau connectors: versioned definitions, and what their pulls have cost and how they went. */
export class ConnectorService {
  constructor(
    private readonly db: Database,
    private readonly gateway: BureauGateway,
    private readonly ledger: PullLedger,
  ) {}

  async list(): Promise<NamedConnectorVersion[]> {
    return (await listConnectors(this.db)).map(named);
  }

  /** The same definition again is the same version (`created` false); anything else is the next version. */
  async add(definition: Record<string, unknown>, by: Actor): Promise<{ version: NamedConnectorVersion; created: boolean }> {
    const c = checked(definition);
    const { version, created } = await addConnectorVersion(this.db, c.definition.id, definition, c.contentHash, by);
    return { version: named(version), created };
  }

  async versions(connectorId: string): Promise<NamedConnectorVersion[]> {
    return (await listConnectorVersions(this.db, connectorId)).map(named);
  }

  async version(connectorId: string, version: number): Promise<NamedConnectorVersion> {
    return named(await getConnectorVersion(this.db, connectorId, version));
  }

  /** Pulls since a time, with the circuit of this process. */
  async usage(connectorId: string, since: Date | null) {
    await getConnectorVersion(this.db, connectorId);
    const usage = await this.ledger.usage(connectorId, since);
    return { ...usage, circuit: this.gateway.circuitState(connectorId) };
  }
}
