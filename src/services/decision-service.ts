import { inSpan, trace, traceIdOf } from '../support/telemetry.ts';
import { nodeSpans } from './node-spans.ts';
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { BureauGateway, type PullLedger } from '../connectors/index.ts';
import { FlowError, type DataClass, type FieldDefinition, type FlowResult, type ReviewVerdict } from '../flow/index.ts';
import {
  aad,
  ApplicationVault,
  blindIndex,
  canonicalJson,
  DecryptionError,
  maskApplication,
  maskTrace,
  protectOutput,
  requestDigest,
  SEALED_OFFER,
  type KeyProvider,
} from '../privacy/index.ts';
import {
  CONTEST_NODE,
  decideReview,
  holdsClaim,
  DecisionWriter,
  scopedRequestKey,
  getReview,
  listReviewsOf,
  erasePersonalData,
  heldUntil,
  purgeDue,
  findDecisionByKey,
  getDecision,
  newId,
  openContest,
  overrideDecision,
  resumeDecision,
  StoreError,
  listConsents,
  DatabasePullLedger,
  getChallenger,
  type ClaimTerms,
  type FlowVersion,
  listDecisions,
  findDecisionsByDigest,
  addLegalHold,
  appendAudit,
  type DecisionStatus,
  type LegalHold,
  type Actor,
  type Challenger,
  type Consent,
  type Database,
  type DecisionRecord,
  type ErasureLedger,
  type JobQueue,
  type ReviewRecord,
} from '../store/index.ts';
import { ServiceError } from './service-error.ts';
import { FlowCatalog } from '../flow/index.ts';
import { storedFlowsOf } from './stored-flows.ts';
import { ADVERSE_ACTION_MONTHS, CLAIM_MINUTES, DEFAULT_RETENTION_DAYS, retentionTerms } from './policy.ts';
import type { ServiceContext } from './service-context.ts';
import type { Clock } from '../support/clock.ts';

export interface DecisionRequest {
  flow: string;
  version?: number;
  application: Record<string, unknown>;
  idempotencyKey: string;
  consents?: Consent[];
}

/** The application without its C3 fields, which no digest, hash or log may see. */
function withoutC3(application: Record<string, unknown>, fields: Record<string, FieldDefinition>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(application)) if (fields[k]?.class !== 'C3') out[k] = v;
  return out;
}

/** Where an application falls in [0, 1): the same application always falls in the same place. */
function assignment(flowId: string, application: Record<string, unknown>): number {
  return (
    createHash('sha256')
      .update(`${flowId}\u0000${canonicalJson(application)}`)
      .digest()
      .readUInt32BE(0) /
    2 ** 32
  );
}

/** The digest decisions stored before keyed digests: unkeyed, C3 included; kept only to recognise their retries. */
function legacyRequestHash(r: DecisionRequest): string {
  return createHash('sha256')
    .update(canonicalJson({ flow: r.flow, version: r.version ?? null, application: r.application, consents: r.consents ?? [] }))
    .digest('hex');
}

/** What a shadow run decided: recorded beside the decision, never acted on. */
interface ShadowResult {
  version: number;
  outcome: string;
  path: string[];
  reasons?: string[];
  error?: string;
}

/** What is stored of a run: offer fields computed from personal data are left to the sealed trace. */
function stateOf(result: FlowResult, classes: ReadonlyMap<string, DataClass>) {
  if (result.status === 'completed') {
    return {
      status: 'completed' as const,
      outcome: result.output.outcome,
      result: protectOutput(result.output, classes),
      path: result.path,
      durationMs: result.ms,
    };
  }
  return { status: 'pending_review' as const, outcome: null, result: null, path: result.path, durationMs: result.ms, wait: result.wait };
}

/** Why personal data may be shown unmasked: the purposes a reveal may state. */
export const REVEAL_PURPOSES = ['review_case', 'complaint', 'applicant_request', 'fraud_investigation', 'legal_obligation', 'audit'] as const;
export type RevealPurpose = (typeof REVEAL_PURPOSES)[number];

/** How many reasons an applicant is told, at most. */
const MAX_PRINCIPAL_REASONS = 4;

interface StoredReason {
  code: string;
  text: string;
  texts?: Record<string, string>;
  severity?: string;
}

/** The reasons an applicant is told: knock-outs and refers first, then the outcome's own; warnings are internal. */
function principalReasons(result: unknown): { code: string; text: string; texts?: Record<string, string> }[] {
  const reasons = ((result as { reasons?: StoredReason[] } | null)?.reasons ?? []).filter((r) => r.severity !== 'warning');
  const rank = (r: StoredReason) => (r.severity === 'knockout' ? 0 : r.severity === 'refer' ? 1 : 2);
  return [...reasons]
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, MAX_PRINCIPAL_REASONS)
    .map((r) => ({ code: r.code, text: r.text, ...(r.texts ? { texts: r.texts } : {}) }));
}

/** What the applicant is told of a decision. */
export interface Explanation {
  decisionId: string;
  outcome: string | null;
  decidedBy: 'automated' | 'person' | 'pending';
  /** Each with its text in other languages where the flow gives them, for notices in the applicant's language. */
  reasons: { code: string; text: string; texts?: Record<string, string> }[];
  canContest: boolean;
  howToContest: string | null;
}

/** A decision's application and trace, opened, for the roles and purposes that may see them. */
export interface OpenedDecision {
  application: Record<string, unknown> | null;
  trace: unknown;
  erased: boolean;
}

/**
 * Takes decision requests from the API: idempotency, running the compiled flow, committing
 * the decision before answering, and resuming decisions after a review.
 */
export class DecisionService {
  readonly catalog: FlowCatalog<FlowVersion>;
  readonly vault: ApplicationVault;
  /** Every bureau pull of this process: one ledger, and one circuit per connector. */
  readonly gateway: BureauGateway;
  readonly ledger: PullLedger;
  private readonly inflight = new Set<string>();
  /** Challenger settings per flow, looked up at most once a second (a change elsewhere shows within that). */
  private readonly challengers = new Map<string, { value: Challenger | null; until: number }>();
  private readonly writer: DecisionWriter;

  private readonly db: Database;
  private readonly queue: JobQueue | null;
  private readonly logger: Logger;
  private readonly keys: KeyProvider;
  private readonly clock: Clock;
  /** Erasures are recorded here too, outside the database, to be replayed after a restore. */
  private readonly erasures: ErasureLedger | null;

  constructor(
    context: ServiceContext,
    /** Told of every decision run (for metrics). */
    private readonly onDecision: ((flow: string, version: number, result: FlowResult, arm: string | null) => void) | null = null,
  ) {
    ({ db: this.db, queue: this.queue, logger: this.logger, keys: this.keys, clock: this.clock, erasures: this.erasures } = context);
    const db = this.db;
    this.ledger = new DatabasePullLedger(db);
    this.gateway = new BureauGateway(this.ledger, this.keys, this.clock);
    this.catalog = new FlowCatalog(storedFlowsOf(db), this.gateway, this.clock);
    this.writer = new DecisionWriter(db);
    this.vault = new ApplicationVault(this.keys);
  }

  /** The data key of a decision, or null when its personal data was erased. */
  private dataKeyOf(d: DecisionRecord): Buffer | null {
    if (!d.dataKey?.wrapped || d.dataKey.version === null) return null;
    return this.vault.dataKey(d.dataKey.id, d.dataKey.version, d.dataKey.wrapped);
  }

  /**
   * Opens a decision's personal data; a ciphertext that fails its check is reported, never served.
   * Without `trace`, the trace (the larger part) stays sealed and comes back null.
   */
  open(d: DecisionRecord, parts: { trace: boolean } = { trace: true }): OpenedDecision {
    try {
      const key = this.dataKeyOf(d);
      if (!key) return { application: null, trace: null, erased: true };
      return {
        application: this.vault.openApplication(key, d.id, d.applicationC1, d.applicationC2),
        trace: parts.trace ? this.vault.openTrace(key, d.id, d.traceSealed) : null,
        erased: false,
      };
    } catch (err) {
      if (err instanceof DecryptionError) {
        this.logger.error({ decisionId: d.id, code: err.code }, 'personal data failed its integrity check');
        throw new ServiceError(
          'integrity',
          'data_integrity',
          `the stored personal data of decision ${d.id} failed its integrity check (${err.code}); it is not served. Investigate the database.`,
        );
      }
      throw err;
    }
  }

  /** What a role without reveal sees: C2 masked, C3 shown as not stored. */
  async masked(d: DecisionRecord): Promise<OpenedDecision> {
    const opened = this.open(d);
    if (opened.erased) return opened;
    const flow = (await this.catalog.load(d.flowId, d.flowVersion)).flow;
    const fields = flow.definition.input.fields;
    // Values computed from personal fields are masked like their sources.
    return {
      application: maskApplication({ ...d.applicationC1, ...opened.application }, fields),
      trace: maskTrace(opened.trace, fields, flow.classes),
      erased: false,
    };
  }

  /** How long claims last, and the time now by this service's clock. */
  claimTerms(): ClaimTerms {
    return { minutes: CLAIM_MINUTES, now: new Date(this.clock.now()) };
  }

  /** Recent decisions, newest first, as their readers see them. */
  async list(q: { flowId?: string; status?: DecisionStatus; outcome?: string; limit: number; before?: string }): Promise<DecisionRecord[]> {
    return (await listDecisions(this.db, q)).map((d) => this.withNotesOpened(d));
  }

  /** One decision with its personal data masked; who opened whose application is recorded. */
  async view(decisionId: string, by: Actor): Promise<{ decision: DecisionRecord; opened: OpenedDecision }> {
    const d = await getDecision(this.db, decisionId);
    const opened = await this.masked(d);
    // Masked personal data is still personal data.
    if (!opened.erased) await this.audit(by, 'personal_data.viewed', d.id, { masked: true });
    return { decision: this.withNotesOpened(d), opened };
  }

  /**
   * Personal data unmasked for a stated purpose, every reveal an audit event; reviewers only
   * for cases they hold ({@link revealGrounds}).
   */
  async reveal(
    decisionId: string,
    who: { actor: string; role: string },
    req: { purpose: RevealPurpose; reference?: string; fields?: string[] },
    by: Actor,
  ): Promise<Record<string, unknown>> {
    const d = await getDecision(this.db, decisionId);
    const grounds = await this.revealGrounds(d, who, req.purpose, req.reference);
    const opened = this.open(d);
    const application = opened.application;
    if (opened.erased || !application) throw new ServiceError('conflict', 'erased', `the personal data of decision ${d.id} was erased`);
    const wanted = req.fields ?? Object.keys(application);
    const unknown = wanted.filter((f) => !(f in application));
    if (unknown.length)
      throw new ServiceError(
        'invalid',
        'invalid_request',
        `body.fields: ${unknown.map((f) => `"${f}"`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not stored for this decision`,
      );
    await this.audit(by, 'personal_data.revealed', d.id, { fields: wanted, ...grounds });
    return Object.fromEntries(wanted.map((f) => [f, application[f]]));
  }

  /** Decisions by a searchable personal field, through its blind index; the trail names the field, never the value. */
  async search(field: string, value: string, limit: number, by: Actor): Promise<DecisionRecord[]> {
    const found = await findDecisionsByDigest(this.db, field, blindIndex(this.vault.keys.indexKey, field, value), limit);
    await this.audit(by, 'personal_data.searched', null, { field, found: found.map((d) => d.id) });
    return found.map((d) => this.withNotesOpened(d));
  }

  /** What to tell the applicant: the outcome, its principal reasons, and whether it can be contested. */
  async explain(decisionId: string): Promise<Explanation> {
    const d = await getDecision(this.db, decisionId);
    const outcome = d.override?.outcome ?? d.outcome;
    const canContest = d.status === 'completed' && !d.override && (outcome === 'decline' || outcome === 'refer');
    return {
      decisionId: d.id,
      outcome,
      decidedBy: d.status !== 'completed' ? 'pending' : d.override || Object.keys(d.reviews).length ? 'person' : 'automated',
      reasons: d.override ? [{ code: 'HUMAN_REVIEW', text: `Reviewed by a person: ${d.override.outcome}` }] : principalReasons(d.result),
      canContest,
      howToContest: canContest ? `POST /v1/decisions/${d.id}/contest with your statement; a person will review the decision` : null,
    };
  }

  /** Keeps an application's personal data until a date, whatever its retention period. */
  holdLegally(decisionId: string, reason: string, until: string, by: Actor): Promise<LegalHold> {
    return addLegalHold(this.db, decisionId, reason, until, by);
  }

  private audit(by: Actor, action: string, subjectId: string | null, data: Record<string, unknown>): Promise<unknown> {
    return this.db.transaction((tx) =>
      appendAudit(tx, { actor: by.actor, action, subjectType: 'decision', subjectId: subjectId ?? undefined, requestId: by.requestId, data }),
    );
  }

  /** A keyed digest of the request as the flow run sees it, C3 fields left out. */
  private requestHash(r: DecisionRequest, fields: Record<string, FieldDefinition>): string {
    return requestDigest(this.keys.indexKey, {
      flow: r.flow,
      version: r.version ?? null,
      application: withoutC3(r.application, fields),
      consents: r.consents ?? [],
    });
  }

  /** The stored decision for a repeat of a request, or a 422 if the key was used for another request. */
  private replay(existing: DecisionRecord, request: DecisionRequest, hash: string): DecisionRecord {
    if (existing.requestHash === null) {
      throw new ServiceError(
        'gone',
        'erased',
        `the decision made under idempotency key "${existing.idempotencyKey}" (${existing.id}) had its personal data erased, so a repeat cannot be recognised; send the application with a new key`,
      );
    }
    const matches = existing.requestHash.startsWith('h1:') ? existing.requestHash === hash : existing.requestHash === legacyRequestHash(request);
    if (!matches) {
      throw new ServiceError(
        'unprocessable',
        'idempotency_key_reused',
        `idempotency key "${existing.idempotencyKey}" was used for a different request (decision ${existing.id}); use a new key for a new application`,
      );
    }
    return existing;
  }

  /**
   * A new key is decided and stored; a stored key is found when the insert meets it (no read
   * before the run: flows have no side effects to repeat, and most keys are new).
   */
  async decide(request: DecisionRequest, by: Actor): Promise<{ decision: DecisionRecord; replayed: boolean }> {
    // Idempotency keys are the client's own: another client's same key is another request.
    const scopedKey = scopedRequestKey(by.actor, request.idempotencyKey);
    if (this.inflight.has(scopedKey)) {
      throw new ServiceError('conflict', 'in_progress', `a request with idempotency key "${request.idempotencyKey}" is still being decided; retry in a moment`);
    }
    this.inflight.add(scopedKey);
    try {
      // A request that names no version goes to the pinned champion, or by its hash to the challenger.
      const challenger = request.version === undefined ? await this.challengerOf(request.flow) : null;
      let loaded = await this.catalog.load(request.flow, challenger ? challenger.champion : request.version);
      let arm: 'champion' | 'challenger' | null = null;
      let shadowFlow: Awaited<ReturnType<FlowCatalog['load']>> | null = null;
      if (challenger) {
        arm = 'champion';
        if (challenger.mode === 'shadow') shadowFlow = await this.catalog.load(request.flow, challenger.version);
        else if (assignment(request.flow, withoutC3(request.application, loaded.flow.definition.input.fields)) < challenger.share) {
          loaded = await this.catalog.load(request.flow, challenger.version);
          arm = 'challenger';
        }
      }
      const hash = this.requestHash(request, loaded.flow.definition.input.fields);
      const runOptions = { consents: request.consents, requestKey: scopedKey };
      const result = await inSpan('flow.run', { 'arbiter.flow': request.flow, 'arbiter.flow.version': loaded.version.version }, async (span) => {
        const startedAt = Date.now();
        const r = await loaded.flow.run(request.application, { trace: true, ...runOptions });
        // Untraced (no exporter, or sampled out), a decision makes no node spans at all.
        if (span.isRecording()) nodeSpans(r.trace ?? [], startedAt);
        span.setAttribute('arbiter.status', r.status);
        if (r.status === 'completed') span.setAttribute('arbiter.outcome', r.output.outcome);
        return r;
      });
      const shadow = shadowFlow ? await this.shadowRun(shadowFlow, request.application, runOptions) : null;
      this.onDecision?.(request.flow, loaded.version.version, result, arm);
      const state = stateOf(result, loaded.flow.classes);
      const id = newId('dec');
      const sealed = this.vault.seal(id, newId('dk'), loaded.flow.definition.input.fields, request.application, result.trace);
      try {
        const decision = await inSpan('decision.store', { 'arbiter.decision': id }, () =>
          this.writer.write(
            {
              id,
              traceId: traceIdOf(trace.getActiveSpan()),
              reviewId: result.status === 'pending_review' ? newId('rev') : null,
              flowId: request.flow,
              flowVersion: loaded.version.version,
              clientId: by.actor,
              idempotencyKey: request.idempotencyKey,
              requestHash: hash,
              sealed,
              consents: request.consents ?? [],
              scores: result.scores,
              versions: { flows: loaded.versions, ...(arm ? { arm } : {}), ...(shadow ? { shadow } : {}) },
              ...state,
            },
            by,
          ),
        );
        // The caller gets its own decision's offer in full; what is stored keeps personal values sealed.
        return { decision: result.status === 'completed' ? { ...decision, result: result.output } : decision, replayed: false };
      } catch (err) {
        // The key was stored before (a retry) or by another process just now: answer as a replay.
        if (err instanceof StoreError && err.code === 'duplicate_key') {
          const winner = await findDecisionByKey(this.db, by.actor, request.idempotencyKey);
          if (winner) return { decision: this.withOfferOpened(this.replay(winner, request, hash)), replayed: true };
        }
        throw err;
      }
    } finally {
      this.inflight.delete(scopedKey);
    }
  }

  private async challengerOf(flowId: string): Promise<Challenger | null> {
    const hit = this.challengers.get(flowId);
    if (hit && hit.until > this.clock.now()) return hit.value;
    const value = await getChallenger(this.db, flowId);
    this.challengers.set(flowId, { value, until: this.clock.now() + 1000 });
    return value;
  }

  /** Called after a challenger is set or cleared in this process, so the change is used at once here. */
  forgetChallenger(flowId: string): void {
    this.challengers.delete(flowId);
  }

  /** The shadow version on the same application; its failure is recorded, never the request's failure. */
  private async shadowRun(
    shadow: Awaited<ReturnType<FlowCatalog['load']>>,
    application: Record<string, unknown>,
    options: { consents?: Consent[]; requestKey: string },
  ): Promise<ShadowResult> {
    const version = shadow.version.version;
    try {
      const r = await shadow.flow.run(application, { trace: false, ...options });
      return r.status === 'completed'
        ? { version, outcome: r.output.outcome, path: r.path, reasons: r.output.reasons.map((x) => x.code) }
        : { version, outcome: 'pending_review', path: r.path };
    } catch (err) {
      return { version, outcome: 'error', path: [], error: err instanceof FlowError ? err.code : 'failed' };
    }
  }

  /** Records a verdict, queues the resume durably, then resumes at once. */
  async review(reviewId: string, verdict: ReviewVerdict['verdict'], note: string, by: Actor): Promise<{ review: ReviewRecord; decision: DecisionRecord }> {
    // A reviewer's note may speak of the applicant: sealed with the application's key, it goes with an erasure.
    const held = await getDecision(this.db, (await getReview(this.db, reviewId)).decisionId);
    const key = this.dataKeyOf(held);
    if (!key) throw new ServiceError('conflict', 'erased', `the personal data of decision ${held.id} was erased; its review cannot be decided`);
    const review = await decideReview(
      this.db,
      reviewId,
      verdict,
      this.vault.sealNote(key, aad.reviewNote(reviewId), note),
      by,
      this.claimTerms(),
      async (tx, r) => {
        if (this.queue && r.nodeId !== CONTEST_NODE) await this.queue.sendInTransaction(tx, 'decision.resume', { decisionId: r.decisionId, reviewId: r.id });
      },
    );
    if (review.nodeId === CONTEST_NODE) {
      // A contest upheld ("approve") replaces the automated outcome; declined, the decision stands.
      if (verdict === 'approve')
        await overrideDecision(this.db, review.decisionId, 'approve', this.vault.sealNote(key, aad.overrideNote(review.decisionId), note), by);
    } else await this.resume(review.decisionId, review.id, by);
    return { review: { ...review, note }, decision: await getDecision(this.db, review.decisionId) };
  }

  /**
   * A stored decision with the offer fields that were sealed (computed from personal data)
   * restored from its trace: for the client that made it, replaying its request.
   */
  withOfferOpened(d: DecisionRecord): DecisionRecord {
    const result = d.result as { offer?: Record<string, unknown> } | null;
    if (!result?.offer || !Object.values(result.offer).includes(SEALED_OFFER)) return d;
    const opened = this.open(d);
    const output = Array.isArray(opened.trace)
      ? (opened.trace as { kind: string; wrote?: Record<string, unknown> }[]).findLast((t) => t.kind === 'output')
      : undefined;
    if (!output?.wrote) return d;
    const offer = Object.fromEntries(Object.entries(result.offer).map(([k, v]) => [k, v === SEALED_OFFER ? (output.wrote![k] ?? null) : v]));
    return { ...d, result: { ...result, offer } };
  }

  /** A review as its readers see it: the note opened, or a placeholder once the application's data is erased. */
  async openReview(review: ReviewRecord, decision?: DecisionRecord): Promise<ReviewRecord> {
    if (review.note === null) return review;
    const d = decision ?? (await getDecision(this.db, review.decisionId));
    return { ...review, note: this.vault.openNote(this.dataKeyOf(d), aad.reviewNote(review.id), review.note) };
  }

  /** A decision as its readers see it: an override's note opened (the rest of its personal data stays sealed). */
  withNotesOpened(d: DecisionRecord): DecisionRecord {
    if (!d.override) return d;
    return { ...d, override: { ...d.override, note: this.vault.openNote(this.dataKeyOf(d), aad.overrideNote(d.id), d.override.note) } };
  }

  /**
   * Replays the decision with the verdicts given so far and stores where it got to. Safe to
   * call twice (inline and from the job queue): only the first call moves the decision on.
   */
  async resume(decisionId: string, reviewId: string, by: Actor): Promise<DecisionRecord | null> {
    const decision = await getDecision(this.db, decisionId);
    if (decision.status !== 'pending_review' || decision.pendingReviewId !== reviewId) return null;
    const loaded = await this.catalog.load(decision.flowId, decision.flowVersion);
    const key = this.dataKeyOf(decision);
    if (!key) throw new ServiceError('conflict', 'erased', `the personal data of decision ${decisionId} was erased; it cannot be resumed`);
    const reviews = await this.openVerdicts(decision, key);
    const application = this.vault.openApplication(key, decision.id, decision.applicationC1, decision.applicationC2);
    let result: FlowResult;
    try {
      result = await loaded.flow.run(application, {
        trace: true,
        reviews,
        allowMissing: decision.droppedFields,
        consents: await listConsents(this.db, decisionId),
        requestKey: scopedRequestKey(decision.clientId, decision.idempotencyKey),
      });
    } catch (err) {
      if (err instanceof FlowError) this.logger.error({ decisionId, code: err.code }, 'resume failed');
      throw err;
    }
    const moved = await resumeDecision(
      this.db,
      decisionId,
      reviewId,
      { ...stateOf(result, loaded.flow.classes), traceSealed: this.vault.sealTrace(key, decision.id, result.trace) },
      by,
    );
    if (moved) this.logger.info({ decisionId, status: moved.status }, 'decision resumed after review');
    return moved;
  }

  /**
   * Why a reveal may happen, as the audit event records it, or a 403. A reviewer reveals only
   * for a case of this application that they hold (a current claim, or a case they decided),
   * and only for that case; an admin needs a ticket or case number for the request.
   */
  async revealGrounds(
    d: DecisionRecord,
    who: { actor: string; role: string },
    purpose: string,
    reference: string | undefined,
  ): Promise<{ purpose: string; reference: string }> {
    if (who.role === 'reviewer') {
      if (purpose !== 'review_case' && purpose !== 'complaint')
        throw new ServiceError(
          'forbidden',
          'forbidden',
          `a reviewer reveals personal data only to work a case (purpose review_case or complaint), not for ${purpose}`,
        );
      const held = (await listReviewsOf(this.db, d.id)).find((r) => holdsClaim(r, who.actor, this.claimTerms()) || r.reviewer === who.actor);
      if (!held)
        throw new ServiceError(
          'forbidden',
          'forbidden',
          `you hold no review case of decision ${d.id}: take the case (POST /v1/reviews/:id/claim) before revealing its personal data`,
        );
      return { purpose, reference: held.id };
    }
    if (!reference)
      throw new ServiceError(
        'invalid',
        'invalid_request',
        `body.reference: give the ticket or case number of the ${purpose.replace(/_/g, ' ')} this reveal serves`,
      );
    return { purpose, reference };
  }

  /** The verdicts given so far, their notes opened, as the flow's review nodes read them. */
  private async openVerdicts(decision: DecisionRecord, key: Buffer): Promise<Record<string, ReviewVerdict>> {
    const ids = new Map((await listReviewsOf(this.db, decision.id)).map((r) => [r.nodeId, r.id]));
    const out: Record<string, ReviewVerdict> = {};
    for (const [node, v] of Object.entries(decision.reviews as Record<string, ReviewVerdict>)) {
      const reviewId = ids.get(node);
      out[node] = { ...v, note: reviewId ? this.vault.openNote(key, aad.reviewNote(reviewId), v.note) : v.note };
    }
    return out;
  }

  /** Erases on request, unless a legal hold or the adverse-action period still keeps the data. */
  async erase(decisionId: string, by: Actor, now = new Date()): Promise<{ erasedAt: string }> {
    const until = await heldUntil(this.db, decisionId, now, ADVERSE_ACTION_MONTHS);
    if (until)
      throw new ServiceError(
        'conflict',
        'legal_hold',
        `the personal data of ${decisionId} must be kept until ${until} (legal hold or adverse-action record); erase it after that date`,
      );
    return erasePersonalData(this.db, decisionId, by, this.erasures);
  }

  /** The retention purge: erases every application past its period that nothing holds. */
  async purgeExpired(retentionDays: number, now = new Date()): Promise<number> {
    return purgeDue(this.db, retentionTerms(retentionDays), now, { actor: 'system:retention' }, this.erasures);
  }

  /** Opens a review case in which a person looks again at an automated decision. */
  async contest(decisionId: string, statement: string, by: Actor): Promise<ReviewRecord> {
    const d = await getDecision(this.db, decisionId);
    const key = this.dataKeyOf(d);
    // The statement is sealed with the application's key; with that key gone, it could only be dropped.
    if (!key)
      throw new ServiceError(
        'conflict',
        'erased',
        `the personal data of decision ${decisionId} was erased, so a statement about it cannot be kept; contact the lender directly`,
      );
    const contestId = newId('con');
    return openContest(this.db, decisionId, this.vault.sealStatement(key, contestId, statement), contestId, by);
  }

  /** The job-queue workers: resumes whose request died before it could, and the daily retention purge. */
  async startWorker(retentionDays = DEFAULT_RETENTION_DAYS): Promise<void> {
    if (!this.queue) return;
    await this.queue.work<{ decisionId: string; reviewId: string }>('decision.resume', async ({ decisionId, reviewId }) => {
      await this.resume(decisionId, reviewId, { actor: 'system:resume-worker' });
    });
    await this.queue.work<object>('personal-data.purge', async () => {
      const erased = await this.purgeExpired(retentionDays);
      this.logger.info({ erased }, 'retention purge done');
    });
    await this.queue.schedule('personal-data.purge', '17 3 * * *');
  }
}
