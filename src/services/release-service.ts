import type { Logger } from 'pino';
import { checkPublishable, FlowError, parseApplications, parseFlow, pinnedReference, referencesOf, type FlowIssue } from '../flow/index.ts';
import { newDataKey, openJson, sealJson, type KeyProvider } from '../privacy/index.ts';
import {
  addFlowVersion,
  appendAudit,
  claimImpact,
  confirmEmergency,
  createRelease,
  decideRelease,
  dueReleases,
  finishImpact,
  getFlowVersion,
  getRelease,
  liveVersionOf,
  listReleases,
  lockRelease,
  markReleased,
  markReleaseFailed,
  publishInTransaction,
  setLiveVersion,
  StoreError,
  versionAuthors,
  type Actor,
  type Database,
  type FlowVersion,
  type JobQueue,
  type Queryable,
  type Release,
  type ReleaseQuery,
  type ReleasedArtefact,
  type ArtefactRef,
  approveArtefact,
  artefactVersion,
  unapprovedArtefacts,
  saveReleaseSample,
  releaseSample,
  dropReleaseSample,
  newId,
} from '../store/index.ts';
import type { Clock } from '../support/clock.ts';
import type { DecisionService } from './decision-service.ts';
import type { GovernanceSettings } from './governance.ts';
import { flowIssues } from './publish-flow.ts';
import { replayImpact, replaySample, type ImpactResult } from './release-impact.ts';
import { MAX_IMPACT_DECISIONS } from './governance.ts';
import { planModelRollback } from './model-rollback-plan.ts';
import { ServiceError } from './service-error.ts';
import { dispatchJob } from './job-dispatch.ts';

export interface SubmitRequest {
  note: string;
  /** Applications to replay instead of the live version's decisions (a first release has none). */
  sample?: { format: 'csv' | 'jsonl'; content: string };
  /** How many of the live version's latest decisions the impact report replays; the installation's setting by default. */
  impactDecisions?: number;
}

export interface ApproveRequest {
  comment?: string;
  /** When the change goes live (ISO time); at once when absent or past. */
  effectiveAt?: string;
}

export interface ArtefactRequest {
  kind: ReleasedArtefact;
  id: string;
  version: number;
  note: string;
}

export interface RollbackRequest {
  version: number;
  reason: string;
  /** Applied at once by one person, and listed for a second person to confirm afterwards. */
  emergency?: boolean;
}

/** What a model's rollback did to each flow that scores with it. */
export interface ModelRollback {
  model: string;
  version: number;
  flows: { flowId: string; from: number[]; liveVersion: number; version: number; release: ReleaseRecord }[];
}

/** A release as the API gives it: the impact report is stored as written by replayImpact. */
export type ReleaseRecord = Omit<Release, 'impact'> & { impact: ImpactResult | null };
const typed = (r: Release): ReleaseRecord => r as ReleaseRecord;

/** What binds a sealed sample to its key. */
const sampleAad = (dataKeyId: string) => `release_samples.sealed:${dataKeyId}`;

/** The longest a timer in this process waits for an approved change (longer ones are found by the next sweep). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Four-eyes release of flows: a draft is submitted with a note, an impact report replays the
 * live version's latest decisions through it in the background, and a different person approves
 * (at once or for a time) or rejects it. Rollbacks go the same way, or at once in an emergency.
 */
export class ReleaseService {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly db: Database,
    private readonly queue: JobQueue | null,
    private readonly logger: Logger,
    private readonly decisions: DecisionService,
    private readonly clock: Clock,
    readonly settings: GovernanceSettings,
    private readonly keys: KeyProvider,
  ) {}

  async list(q: ReleaseQuery): Promise<ReleaseRecord[]> {
    return (await listReleases(this.db, q)).map(typed);
  }

  async get(id: string): Promise<ReleaseRecord> {
    return typed(await getRelease(this.db, id));
  }

  /** The job that writes the impact report, enqueued with the release (or run here once it is committed). */
  private impactJob(id: string) {
    return dispatchJob(this.queue, 'release.impact', id, (x) => this.runImpact(x), this.logger, 'impact report');
  }

  submit(flowId: string, version: number, req: SubmitRequest, by: Actor): Promise<ReleaseRecord> {
    return this.submitDraft(flowId, version, req, by, []);
  }

  /**
   * A retraining run's promotion: its flow version, submitted as any draft is, with the model
   * version it names approved for use by the same release (the run stored it; nobody else could
   * have submitted it first).
   */
  submitPromotion(flowId: string, version: number, note: string, model: { id: string; version: number }, by: Actor): Promise<ReleaseRecord> {
    return this.submitDraft(flowId, version, { note }, by, [{ kind: 'model', ...model }]);
  }

  private async submitDraft(flowId: string, version: number, req: SubmitRequest, by: Actor, alsoApproves: ArtefactRef[]): Promise<ReleaseRecord> {
    const draft = await getFlowVersion(this.db, flowId, version);
    if (draft.status !== 'draft')
      throw new ServiceError('conflict', 'not_a_draft', `version ${version} of flow "${flowId}" is published already; submit a draft`);
    await this.mustBeReleasable(draft, alsoApproves);
    const live = await liveVersionOf(this.db, flowId);
    const sample = req.sample ? this.sealedSample(req.sample, draft.definition) : null;
    const limit = sample ? sample.rows : (req.impactDecisions ?? this.settings.impactDecisions);
    const impact = live !== null || sample !== null;
    const release = await createRelease(
      this.db,
      {
        subjectId: flowId,
        action: 'publish',
        version,
        fromVersion: live,
        contentHash: draft.contentHash,
        note: req.note,
        authors: await versionAuthors(this.db, flowId, version),
        impact,
        impactDecisions: limit,
        alsoApproves,
      },
      by,
      async (tx, r) => {
        if (sample) await saveReleaseSample(tx, r.id, sample.dataKey, sample.rows, sample.sealed);
        if (impact) await this.impactJob(r.id).enqueue?.(tx);
      },
    );
    if (impact) this.impactJob(release.id).committed();
    return typed(release);
  }

  /** An uploaded sample read as the draft's input fields type it, and sealed under a key of its own: it is applications. */
  private sealedSample(sample: NonNullable<SubmitRequest['sample']>, definition: unknown) {
    let applications: Record<string, unknown>[];
    try {
      applications = parseApplications(sample.content, sample.format, parseFlow(definition).input.fields, 'sample');
    } catch (err) {
      if (err instanceof FlowError) throw new ServiceError('invalid', 'invalid_sample', err.message, err.issues);
      throw err;
    }
    if (!applications.length)
      throw new ServiceError('invalid', 'invalid_sample', 'sample: no applications (a CSV needs a header row and one row per application)');
    if (applications.length > MAX_IMPACT_DECISIONS)
      throw new ServiceError('invalid', 'invalid_sample', `sample: ${applications.length} applications; at most ${MAX_IMPACT_DECISIONS}`);
    const id = newId('dk');
    const key = newDataKey();
    const wrapped = this.keys.wrap(key, id);
    const sealed = sealJson(key, applications, sampleAad(id));
    key.fill(0);
    return { dataKey: { id, ...wrapped }, rows: applications.length, sealed };
  }

  /**
   * Where releases take two people, everything a flow names must have been approved for use:
   * an unapproved model, DMN model or connector version is a reason not to release the flow.
   */
  private async unapproved(definition: unknown, approvedWith: readonly ArtefactRef[]): Promise<FlowIssue[]> {
    if (this.settings.singlePersonRelease) return [];
    const refs = referencesOf(definition);
    // What the release approves itself is not a reason to refuse it.
    const pinned = (list: readonly string[]) =>
      list
        .map((r) => pinnedReference(r))
        .filter((r): r is { id: string; version: number } => r !== null && !approvedWith.some((a) => a.id === r.id && a.version === r.version));
    const found = [
      ...(await unapprovedArtefacts(this.db, 'model', pinned(refs.models))).map((r) => ['model', r] as const),
      ...(await unapprovedArtefacts(this.db, 'dmn_model', pinned(refs.dmnDecisions.map((d) => d.model)))).map((r) => ['DMN model', r] as const),
      ...(await unapprovedArtefacts(this.db, 'connector', pinned(refs.connectors))).map((r) => ['connector', r] as const),
    ];
    return found.map(([what, ref]) => ({
      path: '$.nodes',
      code: 'not_approved',
      message: `${what} ${ref} is not approved for use: submit it (POST /v1/releases {"kind", "id", "version", "note"}) and have another person approve it`,
    }));
  }

  /** Every check a draft must pass to go live: it compiles, publishing's own checks, and what it names is approved. */
  private async mustBeReleasable(draft: FlowVersion, approvedWith: readonly ArtefactRef[]): Promise<void> {
    const issues = await flowIssues(this.decisions.catalog, draft);
    const all = issues.length ? issues : [...checkPublishable(parseFlow(draft.definition)), ...(await this.unapproved(draft.definition, approvedWith))];
    if (all.length) throw new FlowError('not_publishable', all);
  }

  /** Submits a stored artefact's version to be approved for use by another person. */
  async submitArtefact(req: ArtefactRequest, by: Actor): Promise<ReleaseRecord> {
    const v = await artefactVersion(this.db, req.kind, req.id, req.version);
    if (v.approvedAt)
      throw new ServiceError('conflict', 'already_approved', `${req.kind.replace('_', ' ')} ${req.id}@${req.version} is approved for use already`);
    return typed(
      await createRelease(
        this.db,
        {
          subjectType: req.kind,
          subjectId: req.id,
          action: 'approve',
          version: req.version,
          fromVersion: null,
          contentHash: v.contentHash,
          note: req.note,
          authors: [v.createdBy],
          impact: false,
        },
        by,
      ),
    );
  }

  /** Who may decide a request: never the person who asked, nor anyone who wrote the version (unless one person may release alone). */
  private mayDecide(release: Release, by: Actor, verb: string): void {
    if (this.settings.singlePersonRelease) return;
    if (release.submittedBy === by.actor)
      throw new ServiceError(
        'forbidden',
        'four_eyes',
        `You submitted release ${release.id}; a different person must ${verb} it (four-eyes). Ask another risk manager, or withdraw it with POST /v1/releases/${release.id}/withdraw.`,
      );
    if (release.authors.includes(by.actor))
      throw new ServiceError(
        'forbidden',
        'four_eyes',
        `You wrote version ${release.version} of flow "${release.subjectId}"; a person who did not must ${verb} it (four-eyes).`,
      );
  }

  async approve(id: string, req: ApproveRequest, by: Actor): Promise<ReleaseRecord> {
    const release = await getRelease(this.db, id);
    this.mayDecide(release, by, 'approve');
    const effectiveAt = req.effectiveAt ? new Date(req.effectiveAt) : null;
    if (effectiveAt && Number.isNaN(effectiveAt.getTime()))
      throw new ServiceError('invalid', 'invalid_request', `effectiveAt: "${req.effectiveAt}" is not a time`);
    const later = effectiveAt !== null && effectiveAt.getTime() > this.clock.now();
    const approved = await this.db.transaction(async (tx) => {
      const r = await decideRelease(tx, id, { status: 'approved', comment: req.comment ?? null, effectiveAt: effectiveAt?.toISOString() ?? null }, by);
      if (later && this.queue) await this.queue.sendInTransaction(tx, 'release.publish', { id }, { startAfter: effectiveAt });
      return r;
    });
    if (!later) return this.release(id);
    if (!this.queue) this.publishAt(id, effectiveAt.getTime());
    return typed(approved);
  }

  async reject(id: string, comment: string, by: Actor): Promise<ReleaseRecord> {
    this.mayDecide(await getRelease(this.db, id), by, 'reject');
    return typed(await this.db.transaction((tx) => decideRelease(tx, id, { status: 'rejected', comment, effectiveAt: null }, by)));
  }

  async withdraw(id: string, by: Actor, comment: string | null = null): Promise<ReleaseRecord> {
    const release = await getRelease(this.db, id);
    if (release.submittedBy !== by.actor && !this.settings.singlePersonRelease)
      throw new ServiceError('forbidden', 'not_submitter', `Only the person who submitted release ${id} may withdraw it; others approve or reject it.`);
    return typed(await this.db.transaction((tx) => decideRelease(tx, id, { status: 'withdrawn', comment, effectiveAt: null }, by)));
  }

  /**
   * Makes an approved change whose time has come, once: the release row is locked, the draft must
   * still be what was approved and still pass its checks; otherwise the release fails, audited.
   */
  async release(id: string): Promise<ReleaseRecord> {
    const pending = await getRelease(this.db, id);
    if (pending.status !== 'approved') return typed(pending);
    if (pending.effectiveAt && Date.parse(pending.effectiveAt) > this.clock.now()) return typed(pending);
    const by: Actor = { actor: pending.decidedBy ?? 'system' };
    try {
      if (pending.subjectType === 'flow' && pending.action === 'publish') {
        // Compiled before the transaction: compiling reads subflows and models, and the embedded database has one connection.
        const draft = await getFlowVersion(this.db, pending.subjectId, pending.version);
        if (draft.status === 'draft') await this.mustBeReleasable(draft, pending.alsoApproves);
      }
      const done = await this.db.transaction(async (tx) => {
        const r = await lockRelease(tx, id);
        if (r.status !== 'approved') return r;
        if (r.subjectType !== 'flow') await approveArtefact(tx, r.subjectType, r.subjectId, r.version, by);
        else if (r.action === 'publish') {
          for (const a of r.alsoApproves) await approveArtefact(tx, a.kind, a.id, a.version, by);
          await publishInTransaction(tx, r.subjectId, r.version, by, (v) => {
            if (v.contentHash !== r.contentHash) throw new StoreError('conflict', `version ${r.version} of flow "${r.subjectId}" is not what was approved`);
          });
        } else await this.rollBackIn(tx, r, by);
        return markReleased(tx, id, by);
      });
      if (pending.subjectType === 'flow') this.decisions.catalog.forgetLatest(pending.subjectId);
      return typed(done);
    } catch (err) {
      // A draft that no longer passes, or is no longer what was approved, fails the release for good;
      // anything else (the database away for a moment) is thrown, and the job is tried again.
      if (!(err instanceof FlowError || err instanceof StoreError)) throw err;
      this.logger.warn({ releaseId: id, code: err.code }, 'an approved release could not be made');
      await markReleaseFailed(this.db, id, err.message);
      return typed(await getRelease(this.db, id));
    }
  }

  private async rollBackIn(tx: Queryable, r: Release, by: Actor): Promise<void> {
    await setLiveVersion(tx, r.subjectId, r.version, by, { release: r.id, reason: r.note, emergency: r.emergency });
  }

  /** Returns a flow to an earlier published version: through approval, or at once in an emergency. */
  async rollback(flowId: string, req: RollbackRequest, by: Actor): Promise<ReleaseRecord> {
    const target = await getFlowVersion(this.db, flowId, req.version);
    if (target.status !== 'published')
      throw new ServiceError('conflict', 'not_published', `version ${req.version} of flow "${flowId}" was never published; roll back to a published version`);
    const live = await liveVersionOf(this.db, flowId);
    if (live === req.version) throw new ServiceError('conflict', 'already_live', `version ${req.version} of flow "${flowId}" is already the live version`);
    const now = req.emergency === true || this.settings.singlePersonRelease;
    const release = await createRelease(
      this.db,
      {
        subjectId: flowId,
        action: 'rollback',
        version: req.version,
        fromVersion: live,
        contentHash: target.contentHash,
        note: req.reason,
        authors: [],
        // The approver of a rollback sees, as for a draft, what the older version would do to recent decisions.
        impact: !now && live !== null,
        impactDecisions: this.settings.impactDecisions,
        emergency: now,
      },
      by,
      now ? (tx, r) => this.rollBackIn(tx, r, by) : async (tx, r) => void (live !== null && (await this.impactJob(r.id).enqueue?.(tx))),
    );
    if (now) this.decisions.catalog.forgetLatest(flowId);
    else if (live !== null) this.impactJob(release.id).committed();
    return typed(release);
  }

  /**
   * Returns a model to an earlier version wherever it decides: each flow whose live version scores
   * with another version of it gets a new version that differs only in that, submitted for
   * approval with the reason as its note (and an impact report), or in an emergency published at
   * once and listed for a second person to confirm, as a flow's emergency rollback is.
   */
  async rollbackModel(modelId: string, req: RollbackRequest, by: Actor): Promise<ModelRollback> {
    const target = await artefactVersion(this.db, 'model', modelId, req.version);
    if (!target.approvedAt && !this.settings.singlePersonRelease)
      throw new ServiceError(
        'conflict',
        'not_approved',
        `model ${modelId}@${req.version} was never approved for use, so no flow can go back to it; roll back to an approved version`,
      );
    const steps = await planModelRollback(this.db, modelId, req.version);
    if (!steps.length)
      throw new ServiceError(
        'conflict',
        'not_in_use',
        `no live flow scores with a version of model "${modelId}" other than ${req.version}: there is nothing to roll back`,
      );
    const now = req.emergency === true || this.settings.singlePersonRelease;
    const note = `Model ${modelId} back to version ${req.version}: ${req.reason}`;
    // Every new version passes the release checks before any is released: one that fails stops them all.
    const drafts: FlowVersion[] = [];
    for (const step of steps) drafts.push(await addFlowVersion(this.db, step.flowId, step.definition, by));
    for (const draft of drafts) await this.mustBeReleasable(draft, []);
    const flows: ModelRollback['flows'] = [];
    for (const [i, step] of steps.entries()) {
      const draft = drafts[i]!;
      const release = now ? await this.publishEmergency(draft, step.liveVersion, note, by) : await this.submit(step.flowId, draft.version, { note }, by);
      flows.push({ flowId: step.flowId, from: step.from, liveVersion: step.liveVersion, version: draft.version, release });
    }
    await appendAudit(this.db, {
      actor: by.actor,
      action: 'model.rolled_back',
      subjectType: 'model',
      subjectId: modelId,
      requestId: by.requestId,
      data: {
        to: req.version,
        reason: req.reason,
        emergency: now,
        flows: flows.map((f) => ({ flow: f.flowId, from: f.from, version: f.version, release: f.release.id })),
      },
    });
    return { model: modelId, version: req.version, flows };
  }

  /**
   * A flow back to an earlier definition as a new version (a retraining program's rollback: the
   * model and the cutoffs it came with): published at once by one person and listed as an
   * emergency for another to confirm, as any emergency rollback is.
   */
  async restoreAtOnce(flowId: string, definition: unknown, note: string, by: Actor): Promise<ReleaseRecord> {
    const live = await liveVersionOf(this.db, flowId);
    if (live === null) throw new ServiceError('conflict', 'not_published', `flow "${flowId}" has no live version to go back from`);
    const draft = await addFlowVersion(this.db, flowId, definition, by);
    await this.mustBeReleasable(draft, []);
    return this.publishEmergency(draft, live, note, by);
  }

  /** A new version published at once by one person, listed as an emergency for another to confirm. */
  private async publishEmergency(draft: FlowVersion, live: number, note: string, by: Actor): Promise<ReleaseRecord> {
    const release = await createRelease(
      this.db,
      {
        subjectId: draft.flowId,
        action: 'rollback',
        version: draft.version,
        fromVersion: live,
        contentHash: draft.contentHash,
        note,
        authors: [by.actor],
        impact: false,
        emergency: true,
      },
      by,
      async (tx) =>
        void (await publishInTransaction(tx, draft.flowId, draft.version, by, (v) => {
          if (v.contentHash !== draft.contentHash)
            throw new StoreError('conflict', `version ${draft.version} of flow "${draft.flowId}" changed while it was rolled back`);
        })),
    );
    this.decisions.catalog.forgetLatest(draft.flowId);
    return typed(release);
  }

  async confirm(id: string, comment: string | null, by: Actor): Promise<ReleaseRecord> {
    const release = await getRelease(this.db, id);
    if (release.submittedBy === by.actor && !this.settings.singlePersonRelease)
      throw new ServiceError('forbidden', 'four_eyes', `You made emergency rollback ${id}; a different person must confirm it.`);
    return typed(await confirmEmergency(this.db, id, comment, by));
  }

  /** Writes a release's impact report; safe to call twice (only one claim runs it). */
  async runImpact(id: string): Promise<void> {
    if (!(await claimImpact(this.db, id))) return;
    try {
      const r = await getRelease(this.db, id);
      const live = r.fromVersion === null ? null : (await this.decisions.catalog.load(r.subjectId, r.fromVersion)).flow;
      const candidate = (await this.decisions.catalog.compileVersion(await getFlowVersion(this.db, r.subjectId, r.version), new Set())).flow;
      const sample = await releaseSample(this.db, id);
      let report: ImpactResult;
      if (sample) {
        const key = this.keys.unwrap(sample.dataKey.version, sample.dataKey.wrapped, sample.dataKey.id);
        const applications = openJson<Record<string, unknown>[]>(key, sample.sealed, sampleAad(sample.dataKey.id));
        key.fill(0);
        report = await replaySample(applications, live, candidate);
      } else {
        if (r.fromVersion === null || !live) throw new Error('there is no live version to compare with, and no sample was uploaded');
        report = await replayImpact(this.db, this.decisions, { flowId: r.subjectId, version: r.fromVersion, flow: live }, candidate, r.impactDecisions);
      }
      await this.finishImpactWith(id, { impact: report });
      this.logger.info({ releaseId: id, decisions: report.decisions, seconds: report.seconds }, 'impact report written');
    } catch (err) {
      this.logger.warn({ releaseId: id, code: (err as { code?: string }).code }, 'impact report failed');
      await this.finishImpactWith(id, { error: err instanceof Error ? err.message : String(err) });
    }
  }

  /** The report (or its error) and the end of an uploaded sample, together: a reader who sees one sees the other. */
  private async finishImpactWith(id: string, result: Parameters<typeof finishImpact>[2]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await finishImpact(tx, id, result);
      await dropReleaseSample(tx, id);
    });
  }

  /** Makes every approved change that is due: after a restart, and where no queue schedules them. */
  async releaseDue(): Promise<void> {
    for (const id of await dueReleases(this.db, new Date(this.clock.now()).toISOString())) await this.release(id);
  }

  private publishAt(id: string, at: number): void {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.release(id).catch(() => {});
      },
      Math.min(MAX_TIMER_MS, Math.max(0, at - this.clock.now())),
    );
    timer.unref();
    this.timers.add(timer);
  }

  async startWorker(): Promise<void> {
    if (this.queue) {
      await this.queue.work<{ id: string }>('release.impact', async ({ id }) => this.runImpact(id));
      await this.queue.work<{ id: string }>('release.publish', async ({ id }) => {
        await this.release(id);
      });
    }
    await this.releaseDue().catch((err: Error) => this.logger.warn({ code: (err as { code?: string }).code }, 'due releases could not be made'));
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
