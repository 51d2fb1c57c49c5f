import { assessImpact, type ImpactAssessment } from './impact-assessment.ts';
import {
  checkPublishable,
  diffFlows,
  enumeratePaths,
  FlowError,
  knownNamesOf,
  namesAfter,
  locateIssues,
  nullableConditions,
  parseFlow,
  runTestCases,
  runTrial,
  tableNodeAsDmn,
  type CompiledFlow,
  type FlowIssue,
  type LocatedIssue,
  type TestCaseResult,
  type TrialInput,
  type TrialResult,
} from '../flow/index.ts';
import {
  addFlowVersion,
  challengerReport,
  clearChallenger,
  createFlow,
  getChallenger,
  getFlowVersion,
  listFlowVersions,
  listFlows,
  setChallenger,
  updateDraft,
  type Actor,
  type ArmStats,
  type Challenger,
  type Database,
  type FlowSummary,
  type FlowVersion,
} from '../store/index.ts';
import type { DmnVersion } from '../rules/index.ts';
import type { DecisionService } from './decision-service.ts';
import { compileChecked, flowIssues, publishChecked } from './publish-flow.ts';
import type { GovernanceSettings } from './governance.ts';
import { ServiceError } from './service-error.ts';

export interface FlowValidation {
  ok: boolean;
  issues: FlowIssue[];
  publishable: FlowIssue[];
  warnings: FlowIssue[];
  paths: number | null;
}

/** The editor's live check of an unsaved definition. */
export interface FlowCheck {
  ok: boolean;
  issues: LocatedIssue[];
  publishable: LocatedIssue[];
  warnings: LocatedIssue[];
  paths: { count: number; truncated: boolean } | null;
  /** Input fields and the variables nodes set: what an expression may read. */
  names: string[];
  /** By node: the names set once it has run (for completion in its edges' conditions and its successors). */
  scope: Record<string, string[]>;
  ms: number;
}

/** Path enumeration stops here in a live check: the count is shown as "at least". */
const CHECK_PATH_LIMIT = 20_000;

/** An unsaved definition dressed as a draft, so the catalog compiles it as it would a stored one. */
function unsavedDraft(definition: unknown): FlowVersion {
  const now = new Date().toISOString();
  const id = (definition as { id?: unknown } | null)?.id;
  return {
    flowId: typeof id === 'string' ? id : 'unsaved',
    version: 0,
    status: 'draft',
    definition,
    contentHash: 'unsaved',
    createdAt: now,
    createdBy: 'editor',
    updatedAt: now,
    publishedAt: null,
    publishedBy: null,
  };
}

export interface ChallengerRequest {
  version: number;
  champion?: number;
  mode: 'split' | 'shadow';
  share?: number;
}

/** The definition's id and name, or the schema's problems as a FlowError. */
function shapeOf(definition: unknown): { id: string; name: string } {
  const def = parseFlow(definition);
  return { id: def.id, name: def.name };
}

function sameId(definition: unknown, flowId: string): void {
  const { id } = shapeOf(definition);
  if (id !== flowId)
    throw new FlowError('invalid_flow', [{ path: '$.id', code: 'id_mismatch', message: `the definition's id "${id}" differs from the flow "${flowId}"` }]);
}

/** Authoring flows: drafts, checks, publishing, comparing versions, and champion-challenger. */
export class FlowService {
  constructor(
    private readonly db: Database,
    private readonly decisions: DecisionService,
    private readonly governance: GovernanceSettings,
  ) {}

  list(): Promise<FlowSummary[]> {
    return listFlows(this.db);
  }

  create(definition: unknown, by: Actor): Promise<FlowVersion> {
    const { id, name } = shapeOf(definition);
    return createFlow(this.db, id, name, definition, by);
  }

  versions(flowId: string): Promise<FlowVersion[]> {
    return listFlowVersions(this.db, flowId);
  }

  version(flowId: string, version?: number): Promise<FlowVersion> {
    return getFlowVersion(this.db, flowId, version);
  }

  addDraft(flowId: string, definition: unknown, by: Actor): Promise<FlowVersion> {
    sameId(definition, flowId);
    return addFlowVersion(this.db, flowId, definition, by);
  }

  /** Published versions are immutable: editing one is a conflict. */
  editDraft(flowId: string, version: number, definition: unknown, by: Actor): Promise<FlowVersion> {
    sameId(definition, flowId);
    return updateDraft(this.db, flowId, version, definition, by);
  }

  /** Every check a version must pass, without publishing it. */
  async validate(flowId: string, version: number): Promise<FlowValidation> {
    const v = await getFlowVersion(this.db, flowId, version);
    const issues = await flowIssues(this.decisions.catalog, v);
    const ok = issues.length === 0;
    if (!ok) return { ok, issues, publishable: [], warnings: [], paths: null };
    const def = parseFlow(v.definition);
    return { ok, issues, publishable: checkPublishable(def), warnings: nullableConditions(def), paths: enumeratePaths(def).paths.length };
  }

  /**
   * Every check of a definition not yet saved (the editor calls this as the analyst types):
   * schema, static checks, compiling against stored models, connectors and subflows, what
   * publishing needs, and the path count.
   */
  async check(definition: unknown): Promise<FlowCheck> {
    const t0 = performance.now();
    const { issues, flow } = await compileChecked(this.decisions.catalog, unsavedDraft(definition));
    const done = (rest: Omit<FlowCheck, 'issues' | 'ms'>): FlowCheck => ({
      ...rest,
      issues: locateIssues(definition, issues),
      ms: Math.round((performance.now() - t0) * 100) / 100,
    });
    if (!flow) {
      let names: string[] = [];
      let scope: Record<string, string[]> = {};
      try {
        const def = parseFlow(definition);
        names = knownNamesOf(def);
        scope = Object.fromEntries(namesAfter(def));
      } catch {
        // A definition that fails its schema has no reliable names; completion offers built-ins only.
      }
      return done({ ok: false, publishable: [], warnings: [], paths: null, names, scope });
    }
    const def = flow.definition;
    const { paths, truncated } = enumeratePaths(def, CHECK_PATH_LIMIT);
    return done({
      ok: true,
      publishable: locateIssues(definition, checkPublishable(def)),
      warnings: locateIssues(definition, nullableConditions(def)),
      paths: { count: paths.length, truncated },
      names: knownNamesOf(def),
      scope: Object.fromEntries(namesAfter(def)),
    });
  }

  /** A definition compiled for a trial, or its problems as a FlowError. */
  private async compileUnsaved(definition: unknown): Promise<CompiledFlow> {
    const { issues, flow } = await compileChecked(this.decisions.catalog, unsavedDraft(definition));
    if (!flow) throw new FlowError('invalid_flow', issues);
    return flow;
  }

  /** One application through an unsaved definition, with its trace; nothing is stored and no bureau is called. */
  async trial(definition: unknown, input: TrialInput): Promise<TrialResult> {
    return runTrial(await this.compileUnsaved(definition), input);
  }

  /** The test cases a definition carries, run against it. */
  async runTests(definition: unknown): Promise<TestCaseResult[]> {
    const flow = await this.compileUnsaved(definition);
    return runTestCases(flow, flow.definition.tests ?? []);
  }

  /** The test cases of a stored version, run against it. */
  async runStoredTests(flowId: string, version: number): Promise<TestCaseResult[]> {
    return this.runTests((await getFlowVersion(this.db, flowId, version)).definition);
  }

  /** In one step only where one person may release alone; otherwise a draft goes through ReleaseService. */
  publish(flowId: string, version: number, by: Actor): Promise<FlowVersion> {
    if (!this.governance.singlePersonRelease)
      throw new ServiceError(
        'forbidden',
        'approval_required',
        `Publishing needs a second person's approval: submit the draft with POST /v1/flows/${flowId}/versions/${version}/submit and a change note, and a different risk manager approves it (POST /v1/releases/<id>/approve). Development installations may set ARBITER_SINGLE_PERSON_RELEASE=true.`,
      );
    return publishChecked(this.db, this.decisions.catalog, flowId, version, by);
  }

  /** The personal information impact assessment of a version (impact-assessment.ts). */
  impactAssessment(flowId: string, version: number, now: Date): Promise<ImpactAssessment> {
    return assessImpact(this.db, this.decisions.catalog, flowId, version, now);
  }

  async paths(flowId: string, version: number) {
    const v = await getFlowVersion(this.db, flowId, version);
    const { paths, truncated } = enumeratePaths(parseFlow(v.definition));
    return { count: paths.length, truncated, paths };
  }

  /** A table node's inline table as a DMN 1.5 model, or 1.3 for Camunda Modeler. */
  async tableAsDmn(flowId: string, version: number, nodeId: string, dmnVersion: DmnVersion = '1.5'): Promise<string> {
    const def = parseFlow((await getFlowVersion(this.db, flowId, version)).definition);
    const node = def.nodes.find((n) => n.id === nodeId);
    if (node?.kind !== 'table') throw new ServiceError('not_found', 'not_found', `version ${version} of flow "${flowId}" has no table node "${nodeId}"`);
    return tableNodeAsDmn(def, node, dmnVersion);
  }

  async diff(flowId: string, from: number, to: number) {
    const [a, b] = await Promise.all([getFlowVersion(this.db, flowId, from), getFlowVersion(this.db, flowId, to)]);
    return { from: a.version, to: b.version, ...diffFlows(parseFlow(a.definition), parseFlow(b.definition)) };
  }

  /** Sets the version that decides a share of applications (split) or runs beside the champion (shadow). */
  async setChallenger(flowId: string, req: ChallengerRequest, by: Actor): Promise<Challenger> {
    if (req.mode === 'split' && req.share === undefined)
      throw new ServiceError('invalid', 'invalid_request', 'share: a split needs the share of applications the challenger decides, e.g. 0.1');
    const c = await setChallenger(this.db, { flowId, version: req.version, champion: req.champion, mode: req.mode, share: req.share ?? 1 }, by);
    this.decisions.forgetChallenger(flowId);
    return c;
  }

  async clearChallenger(flowId: string, by: Actor): Promise<void> {
    await clearChallenger(this.db, flowId, by);
    this.decisions.forgetChallenger(flowId);
  }

  /** The challenger and how each arm has decided since it was set. */
  async challenger(flowId: string): Promise<{ challenger: Challenger; arms: ArmStats[]; shadow: { champion: string; shadow: string; count: number }[] }> {
    const c = await getChallenger(this.db, flowId);
    if (!c) throw new ServiceError('not_found', 'not_found', `flow "${flowId}" has no challenger; set one with PUT /v1/flows/${flowId}/challenger`);
    return { challenger: c, ...(await challengerReport(this.db, flowId, c.setAt)) };
  }
}
