import type { Actor } from './api-keys.ts';
import { appendAudit } from './audit-log.ts';
import type { Database } from './database.ts';

/**
 * Artefacts stored by content (models, connectors): uploading the same content again is the
 * version it already is; other content becomes the next version number, with an audit event.
 * The parent row is created on first upload and locked, so two uploads never take one number.
 */
export interface ArtefactKind {
  /** `models`, `connectors`: the table of artefacts, with `id` and `created_by`. */
  parentTable: string;
  /** `model_versions`, `connector_versions`: the table of versions. */
  versionTable: string;
  /** The versions' column naming the artefact: `model_id`, `connector_id`. */
  idColumn: string;
  /** `model`, `connector`: the audit subject type, and `<subject>.version_created` its action. */
  subject: string;
  /** The columns a version is read with. */
  select: string;
}

export interface NewVersion {
  contentHash: string;
  /** The kind's own columns and their values (besides the id, version, hash and author). */
  columns: Record<string, unknown>;
  /** What the audit event records besides the version and hash. */
  audit?: Record<string, unknown>;
}

/** Adds `content` as the next version of `id`, or finds the version that has it already; `Row` is a version row as `kind.select` reads it. */
export async function addVersionByContent<Row extends { version: number | string }>(
  db: Database,
  kind: ArtefactKind,
  id: string,
  content: NewVersion,
  by: Actor,
): Promise<{ row: Row; created: boolean }> {
  return db.transaction(async (tx) => {
    await tx.query(`insert into ${kind.parentTable} (id, created_by) values ($1, $2) on conflict (id) do nothing`, [id, by.actor]);
    await tx.query(`select 1 from ${kind.parentTable} where id = $1 for update`, [id]);
    const { rows: same } = await tx.query<Row>(`select ${kind.select} from ${kind.versionTable} where ${kind.idColumn} = $1 and content_hash = $2`, [
      id,
      content.contentHash,
    ]);
    if (same[0]) return { row: same[0], created: false };
    const names = Object.keys(content.columns);
    const values = Object.values(content.columns);
    const { rows } = await tx.query<Row>(
      `insert into ${kind.versionTable} (${kind.idColumn}, version, content_hash, created_by${names.map((n) => `, ${n}`).join('')})
       select $1, coalesce(max(version), 0) + 1, $2, $3${names.map((_, i) => `, $${i + 4}`).join('')} from ${kind.versionTable} where ${kind.idColumn} = $1
       returning ${kind.select}`,
      [id, content.contentHash, by.actor, ...values],
    );
    const v = rows[0]!;
    await appendAudit(tx, {
      actor: by.actor,
      action: `${kind.subject}.version_created`,
      subjectType: kind.subject,
      subjectId: id,
      requestId: by.requestId,
      data: { version: Number(v.version), contentHash: content.contentHash, ...content.audit },
    });
    return { row: v, created: true };
  });
}
