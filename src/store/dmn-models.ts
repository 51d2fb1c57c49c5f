import type { Actor } from './api-keys.ts';
import type { Database, Queryable } from './database.ts';
import { iso, json } from './row-values.ts';
import { StoreError } from './store-error.ts';
import { addVersionByContent, type ArtefactKind } from './versioned-artefacts.ts';

/** A stored DMN model version without its XML: what it declares, as read when it was uploaded. */
export interface DmnModelVersion {
  modelId: string;
  version: number;
  contentHash: string;
  summary: Record<string, unknown>;
  createdAt: string;
  createdBy: string;
  /** Who approved the version for use (a second person), and when; null until then. */
  approvedBy: string | null;
  approvedAt: string | null;
}

interface Row {
  model_id: string;
  version: number;
  content_hash: string;
  summary: unknown;
  created_at: Date | string;
  created_by: string;
  approved_by: string | null;
  approved_at: Date | string | null;
}

const COLUMNS = 'model_id, version, content_hash, summary, created_at, created_by, approved_by, approved_at';
const DMN_MODELS: ArtefactKind = { parentTable: 'dmn_models', versionTable: 'dmn_model_versions', idColumn: 'model_id', subject: 'dmn_model', select: COLUMNS };

const toVersion = (r: Row): DmnModelVersion => ({
  modelId: r.model_id,
  version: Number(r.version),
  contentHash: r.content_hash,
  summary: json(r.summary) as Record<string, unknown>,
  createdAt: iso(r.created_at)!,
  createdBy: r.created_by,
  approvedBy: r.approved_by ?? null,
  approvedAt: iso(r.approved_at ?? null),
});

/** Stores checked XML as the next version; the same XML again returns the version it is. */
export async function addDmnModelVersion(
  db: Database,
  modelId: string,
  xml: string,
  summary: Record<string, unknown>,
  contentHash: string,
  by: Actor,
): Promise<{ version: DmnModelVersion; created: boolean }> {
  const { row, created } = await addVersionByContent<Row>(
    db,
    DMN_MODELS,
    modelId,
    { contentHash, columns: { xml, summary: JSON.stringify(summary) }, audit: { decisions: summary.decisions } },
    by,
  );
  return { version: toVersion(row), created };
}

/** The latest version of every model. */
export async function listDmnModels(db: Queryable): Promise<DmnModelVersion[]> {
  const { rows } = await db.query<Row>(`select distinct on (model_id) ${COLUMNS} from dmn_model_versions order by model_id, version desc`);
  return rows.map(toVersion);
}

export async function listDmnModelVersions(db: Queryable, modelId: string): Promise<DmnModelVersion[]> {
  const { rows } = await db.query<Row>(`select ${COLUMNS} from dmn_model_versions where model_id = $1 order by version`, [modelId]);
  if (!rows.length) throw new StoreError('not_found', `no DMN model "${modelId}"; upload it with POST /v1/dmn`);
  return rows.map(toVersion);
}

export async function getDmnModelVersion(db: Queryable, modelId: string, version: number): Promise<DmnModelVersion> {
  const { rows } = await db.query<Row>(`select ${COLUMNS} from dmn_model_versions where model_id = $1 and version = $2`, [modelId, version]);
  if (!rows[0]) throw new StoreError('not_found', `DMN model "${modelId}" has no version ${version}`);
  return toVersion(rows[0]);
}

/** The XML of a version, as uploaded. */
export async function getDmnModelXml(db: Queryable, modelId: string, version: number): Promise<string> {
  const { rows } = await db.query<{ xml: string }>('select xml from dmn_model_versions where model_id = $1 and version = $2', [modelId, version]);
  if (!rows[0]) throw new StoreError('not_found', `DMN model "${modelId}" has no version ${version}`);
  return rows[0].xml;
}
