import { parseFlow, type FlowDefinition } from '../flow/index.ts';
import { parseModelFile } from '../models/index.ts';
import { getConnectorVersion, getFlowVersion, getModelFile, type Database } from '../store/index.ts';
import type { FlowCatalog } from '../flow/index.ts';
import { REVEAL_PURPOSES } from './decision-service.ts';
import { ADVERSE_ACTION_MONTHS, DEFAULT_RETENTION_DAYS } from './policy.ts';

/**
 * A personal information impact assessment of one flow version (PIPL Art. 55-56, and the
 * automated-decision duties of Art. 24): what personal data it reads and of which class, the
 * consents it needs, the bureaus it calls and the models it uses with their features, where a
 * person takes part, how long data is kept, who may see it unmasked and why, and how much of the
 * last month's deciding was left to the machine. Made from the stored version and the decisions
 * it made, so it describes what runs, not what was meant to.
 */
export interface ImpactAssessment {
  flow: { id: string; version: number; status: string; contentHash: string };
  generatedAt: string;
  personalData: { field: string; type: string; class: string; required: boolean; searchable: boolean; readBy: string[] }[];
  classes: Record<'C1' | 'C2' | 'C3' | 'unclassified', number>;
  consents: { scope: string; neededBy: string[] }[];
  bureaus: { node: string; connector: string; consentScope: string | null; returns: { field: string; class: string }[] }[];
  models: { node: string; model: string; kind: string | null; features: string[]; personalFeatures: string[] }[];
  humanReview: { node: string; queue: string | null; reason: string }[];
  retention: { days: number; adverseActionMonths: number };
  reveal: { role: string; purposes: string[]; condition: string }[];
  automation: { since: string; decisions: number; automated: number; reviewed: number; automatedShare: number | null; contested: number };
  applicantRights: { right: string; how: string }[];
  findings: string[];
}

const WINDOW_DAYS = 30;

const ref = (pinned: string) => {
  const at = pinned.lastIndexOf('@');
  return at < 0 ? null : { id: pinned.slice(0, at), version: Number(pinned.slice(at + 1)) };
};

export async function assessImpact(db: Database, catalog: FlowCatalog, flowId: string, version: number, now: Date): Promise<ImpactAssessment> {
  const stored = await getFlowVersion(db, flowId, version);
  const def: FlowDefinition = parseFlow(stored.definition);
  const compiled = (await catalog.load(flowId, version)).flow;
  const findings: string[] = [];
  const readers = new Map<string, string[]>();
  for (const [id, node] of compiled.nodes) for (const name of node.reads) readers.set(name, [...(readers.get(name) ?? []), id]);

  const fields = Object.entries(def.input.fields) as [string, { type: string; class?: string; required?: boolean; search?: boolean }][];
  const personalData = fields.map(([field, f]) => ({
    field,
    type: f.type,
    class: f.class ?? 'unclassified',
    required: f.required ?? false,
    searchable: f.search ?? false,
    readBy: readers.get(field) ?? [],
  }));
  const classes = { C1: 0, C2: 0, C3: 0, unclassified: 0 };
  for (const p of personalData) classes[p.class as keyof typeof classes]++;
  if (classes.unclassified) findings.push(`${classes.unclassified} input field(s) have no class; a published flow should classify every field`);
  for (const p of personalData.filter((x) => x.readBy.length === 0 && x.class !== 'C1')) {
    findings.push(`${p.field} (${p.class}) is collected but no node reads it: collect only what the decision needs (data minimisation)`);
  }

  const bureaus: ImpactAssessment['bureaus'] = [];
  const models: ImpactAssessment['models'] = [];
  const humanReview: ImpactAssessment['humanReview'] = [];
  for (const node of def.nodes) {
    if (node.kind === 'bureau') {
      const pinned = ref(node.connector);
      const connector = pinned ? await getConnectorVersion(db, pinned.id, pinned.version).catch(() => null) : null;
      const d = connector?.definition as { consentScope?: string; features?: Record<string, { class?: string }> } | undefined;
      bureaus.push({
        node: node.id,
        connector: node.connector,
        consentScope: d?.consentScope ?? null,
        returns: Object.entries(d?.features ?? {}).map(([field, m]) => ({ field, class: m.class ?? 'unclassified' })),
      });
    } else if (node.kind === 'score') {
      const pinned = ref(node.model);
      const file = pinned ? await getModelFile(db, pinned.id, pinned.version).catch(() => null) : null;
      const model = file ? parseModelFile(file, node.model) : null;
      const features = model ? model.features.map((f) => f.name) : [];
      const personalFeatures = features.filter((f) => {
        const c = compiled.classes.get(f);
        return c === 'C2' || c === 'C3';
      });
      models.push({ node: node.id, model: node.model, kind: model?.kind ?? null, features, personalFeatures });
      if (personalFeatures.length)
        findings.push(`model ${node.model} scores on personal (C2) values: ${personalFeatures.join(', ')}; state why each is needed`);
    } else if (node.kind === 'review') humanReview.push({ node: node.id, queue: node.queue ?? null, reason: node.reason });
  }
  const consentScopes = new Map<string, string[]>();
  for (const b of bureaus) if (b.consentScope) consentScopes.set(b.consentScope, [...(consentScopes.get(b.consentScope) ?? []), b.node]);
  if (!humanReview.length)
    findings.push(
      "no node sends an application to a person: every decision is made by the machine alone, so the contest path is the applicant's only way to a person (PIPL Art. 24)",
    );

  const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000);
  const { rows } = await db.query<{ decisions: number; reviewed: number; contested: number }>(
    `select count(*)::int as decisions,
            count(*) filter (where d.pending_review_id is not null or d.status = 'pending_review' or exists (select 1 from reviews r where r.decision_id = d.id))::int as reviewed,
            count(*) filter (where exists (select 1 from contests c where c.decision_id = d.id))::int as contested
       from decisions d where d.flow_id = $1 and d.flow_version = $2 and d.created_at >= $3`,
    [flowId, version, since.toISOString()],
  );
  const counts = rows[0] ?? { decisions: 0, reviewed: 0, contested: 0 };
  const automated = counts.decisions - counts.reviewed;

  return {
    flow: { id: flowId, version, status: stored.status, contentHash: stored.contentHash },
    generatedAt: now.toISOString(),
    personalData,
    classes,
    consents: [...consentScopes].map(([scope, neededBy]) => ({ scope, neededBy })),
    bureaus,
    models,
    humanReview,
    retention: { days: DEFAULT_RETENTION_DAYS, adverseActionMonths: ADVERSE_ACTION_MONTHS },
    reveal: [
      { role: 'reviewer', purposes: ['review_case', 'complaint'], condition: 'only for a review case of the application they hold or decided' },
      { role: 'admin', purposes: [...REVEAL_PURPOSES], condition: 'with the ticket or case number of the request it serves' },
    ],
    automation: {
      since: since.toISOString(),
      decisions: counts.decisions,
      automated,
      reviewed: counts.reviewed,
      automatedShare: counts.decisions ? automated / counts.decisions : null,
      contested: counts.contested,
    },
    applicantRights: [
      { right: 'an explanation of the decision and its principal reasons', how: 'GET /v1/decisions/:id/explanation' },
      { right: 'to contest a decision and have a person look at it', how: 'POST /v1/decisions/:id/contest' },
      { right: 'erasure of personal data (crypto-shredding of the data key)', how: 'DELETE /v1/applications/:id/personal-data' },
      { right: 'a copy of what is held', how: 'POST /v1/decisions/:id/reveal by an admin, purpose applicant_request' },
    ],
    findings,
  };
}
