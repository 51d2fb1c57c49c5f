import { createHash, randomBytes } from 'node:crypto';
import { csvQuote } from '../support/csv-cell.ts';
import { z } from 'zod';
import type { Logger } from 'pino';
import {
  backtestReport,
  buildSample,
  cutoffEdge,
  decisionLogicSchema,
  judge,
  promotionPolicySchema,
  proposeCutoff,
  proposeSegmentTable,
  withSegmentTable,
  checkSegmentTable,
  challengerCard,
  isTableLogic,
  type retrainChallenger,
  retrainInWorker,
  runBacktestInWorkers,
  sampleDefinitionSchema,
  strategyOf,
  withCutoff,
  type DecisionLogic,
  type EdgeLogic,
  type TableLogic,
  type SegmentPolicy,
  type PromotionPolicy,
  type Sample,
  type SampleDecision,
  type SampleDefinition,
} from '../lifecycle/index.ts';
import type { Strategy } from '../optimize/index.ts';
import {
  featureImportance,
  modelFile,
  parseModelFile,
  predictPd,
  rowFrame,
  storedModel,
  trainingParams,
  type LoadedModel,
  type ModelCard,
} from '../models/index.ts';
import {
  addFlowVersion,
  addModelVersion,
  bookedAccounts,
  claimRetrainRun,
  createRetrainRun,
  getFlowVersion,
  getModelFile,
  getRetrainProgram,
  getRetrainRun,
  flowDecisionPages,
  confirmRetrainProgram,
  listRetrainPrograms,
  StoreError,
  listRetrainRuns,
  performanceOf,
  setRetrainProgram,
  updateRetrainRun,
  type Actor,
  type Database,
  type FlowVersion,
  type JobQueue,
  type RetrainProgram,
  type RetrainRun,
} from '../store/index.ts';
import { FlowEditError, scoreNodeOf, withModelVersion } from '../flow/index.ts';
import { ServiceError } from './service-error.ts';
import { dispatchJob } from './job-dispatch.ts';
import type { DecisionService } from './decision-service.ts';
import type { ReleaseService } from './release-service.ts';

export interface ProgramRequest {
  flow: string;
  scoreNode: string;
  sample: unknown;
  ootMonths: number;
  policy: unknown;
  decisionLogic?: unknown;
  triggers?: unknown;
}

const triggersSchema = z.strictObject({
  sampleGrowth: z
    .number()
    .gt(0)
    .max(10)
    .optional()
    .describe('start a run when the accounts matured since the last run add this share to the sample (0.25: a quarter more)'),
  minAccounts: z.number().int().min(0).default(200).describe('and never before this many accounts have matured'),
});
type Triggers = z.output<typeof triggersSchema>;

/** What a run decided about the cutoff, kept in its checks so approval and promotion apply the same one. */
interface CutoffProposal {
  switchNode: string;
  approveTo: string;
  before: number;
  after: number;
  agreement: number;
  expectedApprovalRate: number;
}

/** What a run decided for each segment (the table it writes), kept in its checks likewise. */
interface SegmentTableProposal {
  node: string;
  segment: string;
  segments: SegmentPolicy[];
  agreement: number;
  expectedApprovalRate: number;
  /** On the out-of-time applications at the challenger's PDs, under the strategy. */
  expectedProfit: number;
  /** The one policy for every segment found the same way, for comparison: what segmenting is worth. */
  portfolio: { cutoff: number; rate: number; limitFactor: number; approvalRate: number; expectedProfit: number };
  /** The strategy's limits no cutoff per segment could keep on the out-of-time applications. */
  unmet: string[];
}

/** The decision logic a run proposes: one cutoff, or a table per segment. */
interface LogicProposal {
  cutoff: CutoffProposal | null;
  table: SegmentTableProposal | null;
}

/**
 * Retraining as a job: a challenger with the champion's specification on the latest matured
 * sample, checked out of time against the champion, then promoted (a new flow version whose
 * score node names it, published), queued for a risk manager's approval, or rejected, as the
 * program's policy says. Every step is an audit event; every model keeps its lineage.
 */
export class LifecycleService {
  constructor(
    private readonly db: Database,
    private readonly queue: JobQueue | null,
    private readonly logger: Logger,
    private readonly decisions: DecisionService,
    private readonly releases: ReleaseService,
  ) {}

  async setProgram(modelId: string, req: ProgramRequest, by: Actor): Promise<RetrainProgram> {
    const sample = sampleDefinitionSchema.safeParse({ ...(req.sample as object), flow: req.flow });
    if (!sample.success)
      throw new ServiceError('invalid', 'invalid_program', `sample: ${sample.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const used = sample.data.protectedAttributes?.filter((a) => sample.data.features.includes(a)) ?? [];
    if (used.length)
      throw new ServiceError(
        'invalid',
        'invalid_program',
        `sample.protectedAttributes: ${used.join(', ')} ${used.length > 1 ? 'are features' : 'is a feature'} of the model; a fairness report covers attributes the model does not use`,
      );
    const policy = promotionPolicySchema.safeParse(req.policy ?? {});
    if (!policy.success)
      throw new ServiceError('invalid', 'invalid_program', `policy: ${policy.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    const current = await getFlowVersion(this.db, req.flow);
    try {
      scoreNodeOf(current.definition, req.scoreNode, modelId);
    } catch (err) {
      if (err instanceof FlowEditError) throw new ServiceError('invalid', 'invalid_program', err.message);
      throw err;
    }
    let decisionLogic: DecisionLogic | null = null;
    if (req.decisionLogic !== undefined && req.decisionLogic !== null) {
      const parsed = decisionLogicSchema.safeParse(req.decisionLogic);
      if (!parsed.success)
        throw new ServiceError(
          'invalid',
          'invalid_program',
          `decisionLogic: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      try {
        strategyOf(parsed.data);
        if (isTableLogic(parsed.data)) checkSegmentTable(current.definition, parsed.data);
        else cutoffEdge(current.definition, parsed.data, req.scoreNode);
      } catch (err) {
        throw new ServiceError('invalid', 'invalid_program', (err as Error).message);
      }
      decisionLogic = parsed.data;
    }
    let triggers: Triggers | null = null;
    if (req.triggers !== undefined && req.triggers !== null) {
      const parsed = triggersSchema.safeParse(req.triggers);
      if (!parsed.success)
        throw new ServiceError('invalid', 'invalid_program', `triggers: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      triggers = parsed.data;
    }
    return setRetrainProgram(
      this.db,
      { modelId, flowId: req.flow, scoreNode: req.scoreNode, sample: sample.data, ootMonths: req.ootMonths, policy: policy.data, decisionLogic, triggers },
      by,
    );
  }

  program(modelId: string): Promise<RetrainProgram> {
    return getRetrainProgram(this.db, modelId);
  }

  runs(modelId: string): Promise<RetrainRun[]> {
    return listRetrainRuns(this.db, modelId);
  }

  getRun(id: string): Promise<RetrainRun> {
    return getRetrainRun(this.db, id);
  }

  async startRun(modelId: string, asOf: string | undefined, by: Actor): Promise<RetrainRun> {
    await getRetrainProgram(this.db, modelId);
    // The schedule and a drift alert on the same day ask for the same run: one is enough.
    const same =
      asOf === undefined ? undefined : (await listRetrainRuns(this.db, modelId)).find((r) => r.asOf === new Date(asOf).toISOString() && r.status !== 'failed');
    if (same) return same;
    const id = `rt_${Date.now().toString(36)}${randomBytes(6).toString('hex')}`;
    const job = dispatchJob(this.queue, 'retrain.run', id, (x) => this.run(x), this.logger, 'retraining run');
    const run = await createRetrainRun(this.db, { id, modelId, asOf: asOf ?? new Date().toISOString() }, by, job.enqueue);
    job.committed();
    return run;
  }

  /** Every decision of the flow with its application opened (erased ones left out). */
  private async history(flowId: string): Promise<SampleDecision[]> {
    const out: SampleDecision[] = [];
    for await (const page of flowDecisionPages(this.db, flowId)) {
      for (const d of page) {
        const opened = this.decisions.open(d);
        if (opened.erased || !opened.application) continue;
        out.push({ id: d.id, createdAt: d.createdAt, outcome: d.override?.outcome ?? d.outcome, application: opened.application });
      }
    }
    return out;
  }

  async run(id: string): Promise<void> {
    const claimed = await claimRetrainRun(this.db, id);
    if (!claimed) return;
    try {
      const program = await getRetrainProgram(this.db, claimed.modelId);
      const def = program.sample as SampleDefinition;
      const policy = program.policy as PromotionPolicy;
      const current = await getFlowVersion(this.db, program.flowId);
      const { version: championVersion } = scoreNodeOf(current.definition, program.scoreNode, program.modelId);
      const championFile = await getModelFile(this.db, program.modelId, championVersion);
      const champion = parseModelFile(championFile, `model ${program.modelId}@${championVersion}`);
      const decisions = await this.history(program.flowId);
      const performance = await performanceOf(
        this.db,
        decisions.map((d) => d.id),
      );
      const riskOf = (a: Record<string, unknown>) =>
        predictPd(
          champion,
          rowFrame(
            champion.features,
            champion.features.map((f) => a[f.name] ?? null),
          ),
        )[0]!;
      const sample = buildSample(decisions, performance, def, new Date(claimed.asOf), riskOf);
      const result = await retrainInWorker(sample, championFile, program.ootMonths);
      const verdict = judge(result.check, policy);
      const ootFrom = Date.parse(result.split.ootFrom);
      const applications = new Map(decisions.map((d) => [d.id, d.application]));
      const logic = program.decisionLogic as DecisionLogic | null;
      const { version: challengerVersion, model: challenger } = await this.storeChallenger(program, championVersion, claimed, sample, result, def, (model) =>
        challengerCard(model, sample, ootFrom, (id) => applications.get(id), {
          segment: def.segment ?? (logic && isTableLogic(logic) ? logic.table.segment : undefined),
          protectedAttributes: def.protectedAttributes,
          description: `out-of-time applications of flow ${program.flowId} as of ${claimed.asOf.slice(0, 10)} (retraining run ${claimed.id})`,
        }),
      );
      const oot = this.outOfTime(sample, applications, ootFrom);
      // With decision logic, the optimiser re-sets the cutoff (or each segment's policy) for the challenger's PDs on the out-of-time applications.
      let cutoff: CutoffProposal | null = null;
      let table: SegmentTableProposal | null = null;
      if (verdict.promote && logic) {
        const pds = oot.map(
          (a) =>
            predictPd(
              challenger,
              rowFrame(
                challenger.features,
                challenger.features.map((f) => a.application[f.name] ?? null),
              ),
            )[0]!,
        );
        if (isTableLogic(logic)) {
          const proposal = await proposeSegmentTable(
            oot.map((a) => a.application),
            pds,
            logic,
          );
          table = {
            node: logic.table.node,
            segment: logic.table.segment,
            segments: proposal.segments,
            agreement: proposal.agreement,
            expectedApprovalRate: proposal.approvalRate,
            expectedProfit: proposal.expectedProfit,
            portfolio: proposal.portfolio,
            unmet: proposal.unmet,
          };
        } else {
          const proposal = await proposeCutoff(
            oot.map((a) => a.application),
            pds,
            logic,
          );
          cutoff = {
            switchNode: logic.switchNode,
            approveTo: logic.approveTo,
            before: cutoffEdge(current.definition, logic, program.scoreNode).cutoff,
            after: proposal.cutoff,
            agreement: proposal.agreement,
            expectedApprovalRate: proposal.approvalRate,
          };
        }
      }
      // The flow with the challenger (and the new cutoff), back-tested against the current one on the out-of-time applications.
      const gate = verdict.promote
        ? await this.backtestGate(
            current,
            this.candidateDefinition(program, current, challengerVersion, { cutoff, table }),
            oot,
            logic ? strategyOf(logic) : null,
          )
        : null;
      const reasons = [
        ...verdict.reasons,
        ...(cutoff
          ? [
              `proposed: PD cutoff ${cutoff.before} → ${cutoff.after} (the optimiser's choice under the strategy, reproduced for ${(cutoff.agreement * 100).toFixed(1)}% of the out-of-time applications)`,
            ]
          : []),
        ...(table
          ? [
              `proposed: a decision table by ${table.segment}: ${table.segments
                .map((s) => `${s.segment} PD below ${s.cutoff} at ${(s.rate * 100).toFixed(1)}% for ${s.limitFactor}x the amount asked`)
                .join(
                  '; ',
                )} (under the strategy; the portfolio optimiser decides ${(table.agreement * 100).toFixed(1)}% of the out-of-time applications the same way); expected profit on the out-of-time applications ${Math.round(table.expectedProfit).toLocaleString('en-US')}, against ${Math.round(table.portfolio.expectedProfit).toLocaleString('en-US')} for one policy for all (PD below ${table.portfolio.cutoff} at ${(table.portfolio.rate * 100).toFixed(1)}% for ${table.portfolio.limitFactor}x)`,
            ]
          : []),
        ...(table?.unmet.length ? [`the strategy's limits no cutoff per ${table.segment} could keep: ${table.unmet.join('; ')}`] : []),
        ...(gate ? [gate.reason] : []),
      ];
      const promote = verdict.promote && (gate?.pass ?? true);
      const fields = {
        championVersion,
        challengerVersion,
        flowVersionBefore: current.version,
        checks: {
          ...result.check,
          split: result.split,
          method: result.method,
          candidates: result.candidates,
          backtest: gate?.summary ?? null,
          cutoff,
          segmentTable: table,
        },
        reasons,
        sampleReport: sample.report,
      };
      if (!promote) {
        await updateRetrainRun(this.db, id, ['running'], 'rejected', fields, 'system:retrain');
      } else {
        // Promotion is a release like any other change: submitted with the run's reasons as its note, approved by a risk manager or by the program's confirmed policy.
        const automatic = this.automaticApproval(program);
        const approving = policy.approval === 'auto' && automatic.allowed;
        // A run its program approves stays running until its release is made, so nobody sees it waiting for a person.
        const run = await this.submitPromotion(
          id,
          { ...fields, reasons: [...reasons, ...(policy.approval === 'auto' && !automatic.allowed ? [automatic.why] : [])] },
          approving ? 'running' : 'awaiting_approval',
        );
        if (approving && run.releaseId) await this.releases.approve(run.releaseId, { comment: automatic.why }, { actor: `policy:${program.modelId}` });
      }
      this.logger.info({ retrainRun: id, model: program.modelId, promote: verdict.promote }, 'retraining run finished');
    } catch (err) {
      const message = (err as Error).message;
      this.logger.warn({ retrainRun: id, code: (err as { code?: string }).code }, 'retraining run failed');
      await updateRetrainRun(this.db, id, ['running', 'awaiting_approval'], 'failed', { error: message }, 'system:retrain').catch(() => {});
    }
  }

  /** The applications of the out-of-time slice with their outcomes. */
  private outOfTime(
    sample: Sample,
    byId: ReadonlyMap<string, Record<string, unknown>>,
    ootFrom: number,
  ): { application: Record<string, unknown>; bad: number }[] {
    const apps: { application: Record<string, unknown>; bad: number }[] = [];
    for (let i = 0; i < sample.decisionIds.length; i++)
      if (sample.time[i]! >= ootFrom) apps.push({ application: byId.get(sample.decisionIds[i]!)!, bad: sample.y[i]! });
    return apps;
  }

  /** The current flow with the challenger in its score node, and the proposed cutoff or segment table when there is one. */
  private candidateDefinition(program: RetrainProgram, current: FlowVersion, challengerVersion: number, proposal: LogicProposal): unknown {
    const definition = withModelVersion(current.definition, program.scoreNode, program.modelId, challengerVersion);
    if (proposal.table) return withSegmentTable(definition, program.decisionLogic as TableLogic, proposal.table.segments);
    return proposal.cutoff ? withCutoff(definition, program.decisionLogic as EdgeLogic, program.scoreNode, proposal.cutoff.after) : definition;
  }

  /**
   * The candidate flow against the current one on the out-of-time applications with their
   * outcomes. Without a strategy it may not approve a riskier book (a higher bad rate among the
   * approved). With one (the program owns the cutoff) it must not earn less: realised profit,
   * each approved loan valued as it turned out, may not fall.
   */
  private async backtestGate(
    current: FlowVersion,
    candidateDefinition: unknown,
    apps: { application: Record<string, unknown>; bad: number }[],
    strategy: Strategy | null,
  ) {
    const draft: FlowVersion = { ...current, version: 0, status: 'draft', definition: candidateDefinition };
    // Both checked to compile here; run on a worker thread, as every back-test is.
    await this.decisions.catalog.compileVersion(draft, new Set());
    const candidate = await this.decisions.catalog.bundle(draft);
    const baseline = await this.decisions.catalog.bundle(current);
    const header = [...new Set(apps.flatMap((a) => Object.keys(a.application))), '__bad'];
    // Plain CSV quoting (no formula guard: this file is data for the flows, read back as written).
    const cell = (v: unknown) => csvQuote(v === null || v === undefined ? '' : String(v));
    const lines = [header.map(cell).join(','), ...apps.map((a) => [...header.slice(0, -1).map((h) => cell(a.application[h])), String(a.bad)].join(','))];
    // One part: the whole file in one worker, so quoted line breaks in a value stay in their row.
    const stats = await runBacktestInWorkers({
      candidate: { bundle: candidate },
      baseline: { bundle: baseline },
      csv: `${lines.join('\n')}\n`,
      spec: { outcome: { column: '__bad', bad: '1' }, ...(strategy ? { strategy } : {}) },
      threads: 1,
    });
    const r = backtestReport(stats, 0, 5);
    const c = r.candidate.approvedBadRate;
    const b = r.baseline.approvedBadRate;
    const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(2)}%`);
    const money = (x: number | null) => (x === null ? '–' : Math.round(x).toLocaleString('en-US'));
    const byProfit = strategy !== null && r.candidate.realisedProfit !== null && r.baseline.realisedProfit !== null;
    const pass = byProfit ? r.candidate.realisedProfit! >= r.baseline.realisedProfit! : c === null || b === null || c <= b + 1e-12;
    const measured = byProfit
      ? `realised profit ${money(r.candidate.realisedProfit)} with the candidate against ${money(r.baseline.realisedProfit)} now (approved bad rate ${pct(c)} against ${pct(b)})`
      : `approved bad rate ${pct(c)} with the challenger against ${pct(b)} now`;
    const reason = `${pass ? 'met' : 'NOT met'}: back-test on ${r.rows} out-of-time applications: ${measured}, approval ${pct(r.candidate.approvalRate)} against ${pct(r.baseline.approvalRate)}`;
    return {
      pass,
      reason,
      summary: {
        rows: r.rows,
        candidate: { approvalRate: r.candidate.approvalRate, approvedBadRate: c, realisedProfit: r.candidate.realisedProfit },
        baseline: { approvalRate: r.baseline.approvalRate, approvedBadRate: b, realisedProfit: r.baseline.realisedProfit },
        swapIns: r.swapIns,
        swapOuts: r.swapOuts,
      },
    };
  }

  /** The challenger as the model's next version, with its lineage (parent, sample, data hash, checks) and its model card on the out-of-time applications. */
  private async storeChallenger(
    program: RetrainProgram,
    parent: number,
    run: RetrainRun,
    sample: Sample,
    result: ReturnType<typeof retrainChallenger>,
    def: SampleDefinition,
    cardOf: (model: LoadedModel) => ModelCard,
  ): Promise<{ version: number; model: LoadedModel }> {
    const ids = sample.decisionIds;
    const y = sample.y;
    const dataHash = createHash('sha256')
      .update(ids.map((d, i) => `${d}:${y[i]}`).join('\n'))
      .digest('hex');
    const m = result.challenger;
    const file = modelFile({
      ...m,
      training: {
        algorithm: m.kind === 'scorecard' ? 'scorecard' : 'gbdt',
        data: { file: `sample of flow ${program.flowId} as of ${run.asOf}`, sha256: dataHash, rows: ids.length },
        params: trainingParams(m),
        split: {
          testFraction: result.split.ootRows / (result.split.trainRows + result.split.ootRows),
          seed: 42,
          trainRows: result.split.trainRows,
          testRows: result.split.ootRows,
        },
        metrics: { train: result.trainMetrics, test: result.check.challenger },
        curves: result.curves,
        importance: featureImportance(m),
      },
    });
    const stored = storedModel(file);
    const lineage = {
      parent: `${program.modelId}@${parent}`,
      method: result.method,
      candidates: result.candidates,
      search: result.search,
      run: run.id,
      asOf: run.asOf,
      sample: def,
      dataSha256: dataHash,
      outOfTime: result.split,
      checks: result.check,
    };
    const card = cardOf(stored.model);
    const { version } = await addModelVersion(
      this.db,
      program.modelId,
      { ...stored, summary: { ...stored.summary, lineage, card } },
      { actor: 'system:retrain' },
    );
    return { version: version.version, model: stored.model };
  }

  /**
   * Whether the program may approve its own promotions: where one person may release alone, when
   * its policy says so; where releases take two people, only once a second risk manager has
   * confirmed the program as it is set (`POST /v1/lifecycle/programs/:modelId/confirm`).
   */
  private automaticApproval(program: RetrainProgram): { allowed: boolean; why: string } {
    if (this.releases.settings.singlePersonRelease)
      return { allowed: true, why: `approved by the retraining program of model ${program.modelId} (approval: auto), set by ${program.updatedBy}` };
    if (program.confirmedBy)
      return {
        allowed: true,
        why: `approved by the retraining program of model ${program.modelId} (approval: auto), set by ${program.updatedBy} and confirmed by ${program.confirmedBy} at ${program.confirmedAt}`,
      };
    return {
      allowed: false,
      why: `waiting for a risk manager: the program's automatic approval takes effect once a second risk manager confirms it (POST /v1/lifecycle/programs/${program.modelId}/confirm)`,
    };
  }

  /**
   * The run's promotion as a release: a new flow version whose score node names the challenger
   * (with the proposed cutoff or table), submitted for approval with the challenger's model
   * version, which the same release approves for use. The run waits for the release and follows
   * it (store/retraining.ts `followRelease`). An identical model with no new decision logic
   * changes nothing, so the run is promoted without a release.
   */
  private async submitPromotion(
    id: string,
    checked: Parameters<typeof updateRetrainRun>[4] = {},
    waiting: 'awaiting_approval' | 'running' = 'awaiting_approval',
  ): Promise<RetrainRun> {
    const run = { ...(await getRetrainRun(this.db, id)), ...checked };
    const program = await getRetrainProgram(this.db, run.modelId);
    const current = await getFlowVersion(this.db, program.flowId);
    const { version: inUse } = scoreNodeOf(current.definition, program.scoreNode, program.modelId);
    const checks = run.checks as { cutoff?: CutoffProposal | null; segmentTable?: SegmentTableProposal | null } | null;
    const proposal: LogicProposal = { cutoff: checks?.cutoff ?? null, table: checks?.segmentTable ?? null };
    const definition = this.candidateDefinition(program, current, run.challengerVersion!, proposal);
    if (
      inUse === run.challengerVersion &&
      (!proposal.cutoff || proposal.cutoff.after === cutoffEdge(current.definition, program.decisionLogic as EdgeLogic, program.scoreNode).cutoff) &&
      (!proposal.table || JSON.stringify(definition) === JSON.stringify(current.definition))
    )
      return updateRetrainRun(
        this.db,
        id,
        [run.status],
        'promoted',
        { ...checked, flowVersionBefore: current.version, flowVersionAfter: current.version, decidedBy: 'system:retrain' },
        'system:retrain',
      );
    const by = { actor: 'system:retrain' };
    // Only the latest challenger waits for a person: an earlier run's release still open is withdrawn, and that run follows it.
    for (const earlier of await listRetrainRuns(this.db, program.modelId)) {
      if (earlier.id === id || earlier.status !== 'awaiting_approval' || !earlier.releaseId) continue;
      try {
        await this.releases.withdraw(earlier.releaseId, by, `superseded by retraining run ${id}`);
      } catch (err) {
        // Decided meanwhile by a person: that decision stands.
        if (!(err instanceof StoreError && err.code === 'conflict')) throw err;
      }
    }
    const draft = await addFlowVersion(this.db, program.flowId, definition, by);
    const note = [
      `Retraining run ${id} (model ${program.modelId}, as of ${run.asOf.slice(0, 10)}): ${program.modelId}@${run.championVersion} → ${program.modelId}@${run.challengerVersion}.`,
      ...run.reasons,
    ].join('\n');
    const release = await this.releases.submitPromotion(program.flowId, draft.version, note, { id: program.modelId, version: run.challengerVersion! }, by);
    return updateRetrainRun(this.db, id, [run.status], waiting, { ...checked, flowVersionBefore: current.version, releaseId: release.id }, 'system:retrain');
  }

  /**
   * A risk manager approves a run awaiting approval: its release is approved, with the four-eyes
   * rules of any release, and goes live at once; the run follows it. A run from before promotions
   * were releases gets its release first.
   */
  async promote(id: string, by: Actor): Promise<RetrainRun> {
    let run = await getRetrainRun(this.db, id);
    if (run.status !== 'awaiting_approval')
      throw new ServiceError('conflict', 'conflict', `retraining run ${id} is ${run.status}; only a run awaiting approval can be promoted`);
    if (!run.releaseId) run = await this.submitPromotion(id);
    if (run.releaseId) await this.releases.approve(run.releaseId, { comment: `approved from retraining run ${id}` }, by);
    return getRetrainRun(this.db, id);
  }

  async reject(id: string, by: Actor): Promise<RetrainRun> {
    const run = await getRetrainRun(this.db, id);
    if (run.status === 'awaiting_approval' && run.releaseId) {
      await this.releases.reject(run.releaseId, `rejected from retraining run ${id}`, by);
      return getRetrainRun(this.db, id);
    }
    return updateRetrainRun(
      this.db,
      id,
      ['awaiting_approval'],
      'rejected',
      { decidedBy: by.actor, reasons: [...run.reasons, `rejected by ${by.actor}`] },
      by.actor,
    );
  }

  /** A second risk manager confirms the program as it is set, so its automatic approval takes effect; `updatedAt` is the version they read. */
  async confirmProgram(modelId: string, updatedAt: string, by: Actor): Promise<RetrainProgram> {
    const program = await getRetrainProgram(this.db, modelId);
    if (program.updatedBy === by.actor && !this.releases.settings.singlePersonRelease)
      throw new ServiceError(
        'forbidden',
        'four_eyes',
        `You set the retraining program of model "${modelId}"; a different risk manager must confirm it (four-eyes).`,
      );
    return confirmRetrainProgram(this.db, modelId, updatedAt, by);
  }

  /**
   * Back to the flow (and so the model and its cutoffs) before the last promotion, as a new
   * version published at once and listed as an emergency rollback for a second person to confirm.
   */
  async rollback(modelId: string, by: Actor): Promise<RetrainRun> {
    const program = await getRetrainProgram(this.db, modelId);
    const last = (await listRetrainRuns(this.db, modelId)).find((r) => r.status === 'promoted');
    if (!last || last.flowVersionBefore === null) throw new ServiceError('conflict', 'conflict', `model "${modelId}" has no promotion to roll back`);
    const before = await getFlowVersion(this.db, program.flowId, last.flowVersionBefore);
    const release = await this.releases.restoreAtOnce(
      program.flowId,
      before.definition,
      `Undo retraining run ${last.id}: flow "${program.flowId}" as version ${before.version} had it (model ${modelId}@${last.championVersion})`,
      by,
    );
    return updateRetrainRun(
      this.db,
      last.id,
      ['promoted'],
      'rolled_back',
      { decidedBy: by.actor, reasons: [...last.reasons, `rolled back by ${by.actor}: release ${release.id}`] },
      by.actor,
    );
  }

  /** What the monthly schedule does: a run for every program, as of the given date. */
  async retrainAll(asOf: Date, by: Actor = { actor: 'system:schedule' }): Promise<RetrainRun[]> {
    const runs: RetrainRun[] = [];
    for (const p of await listRetrainPrograms(this.db)) runs.push(await this.startRun(p.modelId, asOf.toISOString(), by));
    return runs;
  }

  /**
   * The sample-growth trigger: a run for every program whose matured sample (accounts booked at
   * least the performance window before `asOf`) has grown by its `sampleGrowth` share since the
   * date of its last run. Runs daily; a run for the same model and date is not started twice.
   */
  async checkSampleGrowth(asOf: Date, by: Actor = { actor: 'system:sample-growth' }): Promise<RetrainRun[]> {
    const runs: RetrainRun[] = [];
    for (const p of await listRetrainPrograms(this.db)) {
      const t = p.triggers as Triggers | null;
      if (!t?.sampleGrowth) continue;
      const months = Number((p.sample as { performanceMonths?: number }).performanceMonths ?? 12);
      const maturedBy = (d: Date) => {
        const x = new Date(d);
        x.setUTCMonth(x.getUTCMonth() - months);
        return x;
      };
      const last = (await listRetrainRuns(this.db, p.modelId))
        .filter((r) => Date.parse(r.asOf) <= asOf.getTime())
        .sort((a, b) => Date.parse(b.asOf) - Date.parse(a.asOf))[0];
      const now = await bookedAccounts(this.db, p.flowId, maturedBy(asOf));
      const then = last ? await bookedAccounts(this.db, p.flowId, maturedBy(new Date(last.asOf))) : 0;
      if (now < (t.minAccounts ?? 200) || now - then < t.sampleGrowth * Math.max(then, 1)) continue;
      this.logger.info({ model: p.modelId, matured: now, before: then }, 'sample grew: retraining');
      runs.push(await this.startRun(p.modelId, asOf.toISOString(), by));
    }
    return runs;
  }

  async startWorker(): Promise<void> {
    if (!this.queue) return;
    await this.queue.work<object>('retrain.growth', async () => void (await this.checkSampleGrowth(new Date())));
    await this.queue.schedule('retrain.growth', '45 4 * * *');
    await this.queue.work<{ id: string }>('retrain.run', async ({ id }) => this.run(id));
    await this.queue.work<object>('retrain.scheduled', async () => void (await this.retrainAll(new Date())));
    await this.queue.schedule('retrain.scheduled', '0 3 1 * *');
  }
}
