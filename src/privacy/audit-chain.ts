import { createHash } from 'node:crypto';
import { choiceFromEnv } from '../support/env-choice.ts';
import { canonicalJson } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** What an audit event says; everything here is covered by its hash. */
export interface AuditContent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  requestId: string | null;
  data: unknown;
}

export interface AuditEvent extends AuditContent {
  prevHash: string;
  hash: string;
}

/**
 * What the chain is hashed with, per installation (`ARBITER_AUDIT_HASH`): SHA-256, or SM3
 * (GB/T 32905) where the national algorithms are required. An SM3 hash is written `sm3:` and
 * its hex digits, a SHA-256 hash as bare hex digits (as every chain was before SM3), so each
 * event says how it was hashed: a chain that changed algorithm verifies whole, and the
 * algorithm cannot be changed without changing the hash that the next event and the signed
 * checkpoints hold.
 */
export type AuditHash = 'sha256' | 'sm3';
export const AUDIT_HASHES: readonly AuditHash[] = ['sha256', 'sm3'];
export const SM3_PREFIX = 'sm3:';

let chosen: AuditHash = 'sha256';

export function useAuditHash(algorithm: AuditHash): void {
  chosen = algorithm;
}

export function auditHash(): AuditHash {
  return chosen;
}

/** The installation's choice, `ARBITER_AUDIT_HASH` (default sha256); a value it cannot be is an error naming the choices. */
export function auditHashFromEnv(env: NodeJS.ProcessEnv = process.env): AuditHash {
  return choiceFromEnv('ARBITER_AUDIT_HASH', AUDIT_HASHES, env);
}

/** The algorithm a stored hash was made with. */
export const hashAlgorithmOf = (hash: string): AuditHash => (hash.startsWith(SM3_PREFIX) ? 'sm3' : 'sha256');

export function hashEvent(prevHash: string, content: AuditContent, algorithm: AuditHash = chosen): string {
  const digest = createHash(algorithm).update(prevHash).update('\n').update(canonicalJson(content)).digest('hex');
  return algorithm === 'sm3' ? SM3_PREFIX + digest : digest;
}

const SEQ_MARK = -1;

/**
 * What an event's hash covers, around its sequence number: the hash of the event numbered n
 * after a head hash h is H(h + "\n" + before + n + after), H the chain's hash. The store uses this to number
 * and chain events inside the database statement that appends them, where n is known.
 */
export function hashedAroundSeq(content: Omit<AuditContent, 'seq'>): { before: string; after: string } {
  const text = canonicalJson({ ...content, seq: SEQ_MARK });
  // Keys are sorted, so seq follows requestId and precedes subjectId; values before it that are
  // strings cannot hold an unescaped quote, so the last match is the key itself.
  const mark = `"seq":${SEQ_MARK},"subjectId":`;
  const at = text.lastIndexOf(mark);
  if (at < 0) throw new Error('an audit event must have a subjectId key (null when none)');
  return { before: text.slice(0, at + '"seq":'.length), after: text.slice(at + `"seq":${SEQ_MARK}`.length) };
}

export type ChainBreak =
  | { seq: number; reason: 'missing'; message: string }
  | { seq: number; reason: 'prev_hash_mismatch'; message: string }
  | { seq: number; reason: 'hash_mismatch'; message: string }
  | { seq: number; reason: 'head_mismatch'; message: string }
  | { seq: number; reason: 'checkpoint_mismatch'; message: string };

/**
 * Checks events in sequence order and reports every break, not only the first: after a break
 * it carries on from the event it found, so one altered event is one break and a rewritten
 * stretch shows where it starts and ends. Feed it pages in order to verify a chain of any
 * length in bounded memory.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  /** Events verified before the first break. */
  checked = 0;
  /** Events looked at. */
  examined = 0;
  private broken = false;

  check(event: AuditEvent): ChainBreak[] {
    const breaks: ChainBreak[] = [];
    if (event.seq !== this.expectedSeq) {
      const last = event.seq - 1;
      breaks.push({
        seq: this.expectedSeq,
        reason: 'missing',
        message:
          last > this.expectedSeq
            ? `events ${this.expectedSeq} to ${last} are missing: they were deleted`
            : `event ${this.expectedSeq} is missing (next present is ${event.seq}): it was deleted`,
      });
    } else if (event.prevHash !== this.prevHash) {
      breaks.push({
        seq: event.seq,
        reason: 'prev_hash_mismatch',
        message: `event ${event.seq} does not follow event ${event.seq - 1}: its previous hash differs`,
      });
    }
    const { prevHash, hash, ...content } = event;
    if (hashEvent(prevHash, content, hashAlgorithmOf(hash)) !== hash) {
      breaks.push({ seq: event.seq, reason: 'hash_mismatch', message: `event ${event.seq} was altered: its content no longer matches its hash` });
    }
    this.prevHash = hash;
    this.expectedSeq = event.seq + 1;
    this.examined += 1;
    if (breaks.length) this.broken = true;
    else if (!this.broken) this.checked += 1;
    return breaks;
  }

  /** The chain head records the last event; a mismatch means events were cut off the end. */
  finish(head: { seq: number; hash: string }): ChainBreak | null {
    const lastSeq = this.expectedSeq - 1;
    if (head.seq !== lastSeq) {
      return {
        seq: lastSeq + 1,
        reason: 'missing',
        message: `the chain head names event ${head.seq} but the log ends at ${lastSeq}: events were deleted from the end`,
      };
    }
    if (head.hash !== this.prevHash) {
      return { seq: head.seq, reason: 'head_mismatch', message: `event ${head.seq} does not match the chain head's hash` };
    }
    return null;
  }
}
