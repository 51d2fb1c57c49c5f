import { addVersionByContent, type ArtefactKind } from './versioned-artefacts.ts';
import type { Actor } from './api-keys.ts';
import type { Database, Queryable } from './database.ts';
import { iso, json } from './row-values.ts';
import { StoreError } from './store-error.ts';

export interface ConnectorVersion {
  connectorId: string;
  version: number;
  contentHash: string;
  definition: Record<string, unknown>;
  createdAt: string;
  createdBy: string;
  /** Who approved the version for use (a second person), and when; null until then. */
  approvedBy: string | null;
  approvedAt: string | null;
}

interface Row {
  connector_id: string;
  version: number;
  content_hash: string;
  definition: unknown;
  created_at: Date | string;
  created_by: string;
  approved_by: string | null;
  approved_at: Date | string | null;
}

const COLUMNS = 'connector_id, version, content_hash, definition, created_at, created_by, approved_by, approved_at';
const CONNECTORS: ArtefactKind = {
  parentTable: 'connectors',
  versionTable: 'connector_versions',
  idColumn: 'connector_id',
  subject: 'connector',
  select: COLUMNS,
};

const toVersion = (r: Row): ConnectorVersion => ({
  connectorId: r.connector_id,
  version: Number(r.version),
  contentHash: r.content_hash,
  definition: json(r.definition) as Record<string, unknown>,
  createdAt: iso(r.created_at)!,
  createdBy: r.created_by,
  approvedBy: r.approved_by ?? null,
  approvedAt: iso(r.approved_at ?? null),
});

/** Stores a checked definition as the next version; the same definition again returns its version. */
export async function addConnectorVersion(
  db: Database,
  connectorId: string,
  definition: Record<string, unknown>,
  contentHash: string,
  by: Actor,
): Promise<{ version: ConnectorVersion; created: boolean }> {
  const { row, created } = await addVersionByContent<Row>(
    db,
    CONNECTORS,
    connectorId,
    { contentHash, columns: { definition: JSON.stringify(definition) } },
    by,
  );
  return { version: toVersion(row), created };
}

export async function listConnectors(db: Queryable): Promise<ConnectorVersion[]> {
  const { rows } = await db.query<Row>(`select distinct on (connector_id) ${COLUMNS} from connector_versions order by connector_id, version desc`);
  return rows.map(toVersion);
}

export async function listConnectorVersions(db: Queryable, connectorId: string): Promise<ConnectorVersion[]> {
  const { rows } = await db.query<Row>(`select ${COLUMNS} from connector_versions where connector_id = $1 order by version`, [connectorId]);
  if (!rows.length) throw new StoreError('not_found', `no connector "${connectorId}"`);
  return rows.map(toVersion);
}

/** One version, or the latest when none is named. */
export async function getConnectorVersion(db: Queryable, connectorId: string, version?: number): Promise<ConnectorVersion> {
  const { rows } =
    version === undefined
      ? await db.query<Row>(`select ${COLUMNS} from connector_versions where connector_id = $1 order by version desc limit 1`, [connectorId])
      : await db.query<Row>(`select ${COLUMNS} from connector_versions where connector_id = $1 and version = $2`, [connectorId, version]);
  if (!rows[0])
    throw new StoreError('not_found', version === undefined ? `no connector "${connectorId}"` : `connector "${connectorId}" has no version ${version}`);
  return toVersion(rows[0]);
}
