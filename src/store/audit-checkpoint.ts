import type { KeyObject } from 'node:crypto';
import { signCheckpoint, type CheckpointStore, type SignedCheckpoint } from '../privacy/index.ts';
import type { Queryable } from './database.ts';
import { verifyAudit, type AuditVerification } from './audit-log.ts';

/** Where checkpoints are signed and kept: a key and a folder, both outside the database. */
export interface AuditCheckpoints {
  key: KeyObject;
  store: CheckpointStore;
}

/** Signs the chain head as it is now and writes it to the checkpoint folder. */
export async function checkpointAudit(db: Queryable, checkpoints: AuditCheckpoints, at = new Date()): Promise<{ checkpoint: SignedCheckpoint; file: string }> {
  const { rows } = await db.query<{ seq: number | string; hash: string }>('select seq, hash from audit_head where id = 1');
  const checkpoint = signCheckpoint(checkpoints.key, { seq: Number(rows[0]?.seq ?? 0), hash: rows[0]?.hash ?? '' }, at);
  return { checkpoint, file: checkpoints.store.write(checkpoint) };
}

/** Verification of the chain against the signed checkpoints too; a checkpoint whose signature fails is itself a finding. */
export async function verifyAuditWithCheckpoints(
  db: Queryable,
  checkpoints: AuditCheckpoints | null,
): Promise<AuditVerification & { invalidCheckpoints: string[] }> {
  if (!checkpoints) return { ...(await verifyAudit(db)), invalidCheckpoints: [] };
  const { valid, invalid } = checkpoints.store.read(checkpoints.key);
  const result = await verifyAudit(
    db,
    valid.filter((c) => c.seq > 0),
  );
  return { ...result, ok: result.ok && invalid.length === 0, invalidCheckpoints: invalid };
}
