import { auditActions, checkpointAudit, listAudit, verifyAuditWithCheckpoints, type AuditCheckpoints, type AuditQuery, type Database } from '../store/index.ts';
import { ServiceError } from './service-error.ts';

/** The audit log: read a page at a time, and verified against its hash chain and signed checkpoints. */
export class AuditService {
  constructor(
    private readonly db: Database,
    private readonly checkpoints: AuditCheckpoints | null,
  ) {}

  /** A page of events and where the next page starts (null at the end). */
  async page(query: AuditQuery): Promise<{ events: Awaited<ReturnType<typeof listAudit>>; nextAfterSeq: number | null }> {
    const events = await listAudit(this.db, query);
    const last = events[events.length - 1];
    return { events, nextAfterSeq: events.length === query.limit && last ? last.seq : null };
  }

  /** The actions the log holds, for a filter to offer. */
  actions() {
    return auditActions(this.db);
  }

  verify() {
    return verifyAuditWithCheckpoints(this.db, this.checkpoints);
  }

  /** Signs the chain head into the checkpoint folder, outside the database. */
  checkpoint() {
    if (!this.checkpoints)
      throw new ServiceError('conflict', 'no_checkpoint_key', 'no checkpoint key and folder are configured, so the chain head cannot be signed');
    return checkpointAudit(this.db, this.checkpoints);
  }
}
