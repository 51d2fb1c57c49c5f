import { addVersionByContent, type ArtefactKind } from './versioned-artefacts.ts';
import type { Actor } from './api-keys.ts';
import type { Database, Queryable } from './database.ts';
import { iso, json } from './row-values.ts';
import { StoreError } from './store-error.ts';

/** What the API shows of a stored model version without its (possibly large) file. */
export interface ModelVersion {
  modelId: string;
  version: number;
  /** The model file's own version: the SHA-256 of its content. */
  contentHash: string;
  kind: string;
  /** Features, target, training or import metadata, as the caller extracted them from the file. */
  summary: Record<string, unknown>;
  createdAt: string;
  createdBy: string;
  /** Who approved the version for use (a second person), and when; null until then. */
  approvedBy: string | null;
  approvedAt: string | null;
}

interface ModelVersionRow {
  model_id: string;
  version: number;
  content_hash: string;
  kind: string;
  summary: unknown;
  created_at: Date | string;
  created_by: string;
  approved_by: string | null;
  approved_at: Date | string | null;
}

const COLUMNS = 'model_id, version, content_hash, kind, summary, created_at, created_by, approved_by, approved_at';
const MODELS: ArtefactKind = { parentTable: 'models', versionTable: 'model_versions', idColumn: 'model_id', subject: 'model', select: COLUMNS };

function toModelVersion(r: ModelVersionRow): ModelVersion {
  return {
    modelId: r.model_id,
    version: Number(r.version),
    contentHash: r.content_hash,
    kind: r.kind,
    summary: json(r.summary) as Record<string, unknown>,
    createdAt: iso(r.created_at)!,
    createdBy: r.created_by,
    approvedBy: r.approved_by ?? null,
    approvedAt: iso(r.approved_at ?? null),
  };
}

/**
 * Stores a model file as the next version of `modelId` (creating the model on first upload).
 * The same file uploaded again returns the version it already has: `created` says which.
 */
export async function addModelVersion(
  db: Database,
  modelId: string,
  file: { text: string; contentHash: string; kind: string; summary: Record<string, unknown> },
  by: Actor,
): Promise<{ version: ModelVersion; created: boolean }> {
  const { row, created } = await addVersionByContent<ModelVersionRow>(
    db,
    MODELS,
    modelId,
    { contentHash: file.contentHash, columns: { kind: file.kind, summary: JSON.stringify(file.summary), file: file.text }, audit: { kind: file.kind } },
    by,
  );
  return { version: toModelVersion(row), created };
}

export async function listModels(db: Queryable): Promise<{ id: string; latestVersion: number; kind: string; createdAt: string; updatedAt: string }[]> {
  const { rows } = await db.query<{ id: string; latest: number; kind: string; created_at: Date | string; updated_at: Date | string }>(
    `select m.id, v.version as latest, v.kind, m.created_at, v.created_at as updated_at
       from models m join lateral (select version, kind, created_at from model_versions where model_id = m.id order by version desc limit 1) v on true
      order by m.id`,
  );
  return rows.map((r) => ({ id: r.id, latestVersion: Number(r.latest), kind: r.kind, createdAt: iso(r.created_at)!, updatedAt: iso(r.updated_at)! }));
}

export async function listModelVersions(db: Queryable, modelId: string): Promise<ModelVersion[]> {
  const { rows } = await db.query<ModelVersionRow>(`select ${COLUMNS} from model_versions where model_id = $1 order by version`, [modelId]);
  if (!rows.length) throw new StoreError('not_found', `no model "${modelId}"`);
  return rows.map(toModelVersion);
}

export async function getModelVersion(db: Queryable, modelId: string, version: number): Promise<ModelVersion> {
  const { rows } = await db.query<ModelVersionRow>(`select ${COLUMNS} from model_versions where model_id = $1 and version = $2`, [modelId, version]);
  if (!rows[0]) throw new StoreError('not_found', `model "${modelId}" has no version ${version}`);
  return toModelVersion(rows[0]);
}

/** The model file as stored (parsed JSON). */
export async function getModelFile(db: Queryable, modelId: string, version: number): Promise<unknown> {
  const { rows } = await db.query<{ file: unknown }>('select file from model_versions where model_id = $1 and version = $2', [modelId, version]);
  if (!rows[0]) throw new StoreError('not_found', `model "${modelId}" has no version ${version}`);
  return json(rows[0].file);
}
