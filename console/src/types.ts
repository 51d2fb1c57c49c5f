import type { paths } from './api-schema.ts';

/** What a GET answers with 200, from the generated API types. */
export type Answer<P extends keyof paths> = paths[P] extends { get: { responses: { 200: { content: { 'application/json': infer T } } } } } ? T : never;

export type Role = Me['role'];

/** What a POST answers with 200. */
export type Posted<P extends keyof paths> = paths[P] extends { post: { responses: { 200: { content: { 'application/json': infer T } } } } } ? T : never;

/** The body `POST /v1/tables/check` takes: a decision table. */
export type TableCheckRequest = NonNullable<paths['/v1/tables/check']['post']['requestBody']>['content']['application/json'];

export type Me = Answer<'/v1/me'>;

export type TraceEntry = NonNullable<Decision['trace']>[number];

/** A decision as `GET /v1/decisions/:id` gives it. */
export type Decision = Answer<'/v1/decisions/{id}'>;

export type Review = Answer<'/v1/reviews/{id}'>['review'];

export type FlowSummary = Answer<'/v1/flows'>['flows'][number];

export interface FlowNode {
  id: string;
  kind: string;
  label?: string;
  [key: string]: unknown;
}

export interface FlowEdge {
  from: string;
  to: string;
  when?: string;
  default?: boolean;
  on?: string;
  label?: string;
}

export interface FlowDefinition {
  id: string;
  name: string;
  input?: { fields: Record<string, { type: string; class: string; label?: string; labels?: Partial<Record<string, string>> }> };
  nodes: FlowNode[];
  edges: FlowEdge[];
  [key: string]: unknown;
}

/** A stored flow version; its definition is the flow as the console edits it. */
export type FlowVersion = Omit<Answer<'/v1/flows/{id}/versions/{version}'>, 'definition'> & { definition: FlowDefinition };

export type Issue = Posted<'/v1/flows/{id}/versions/{version}/validate'>['issues'][number];

export type AuditEvent = Answer<'/v1/audit'>['events'][number];

/** What every page is given: who is signed in, and the route below the page's own segment. */
export interface PageProps {
  me: Me;
  route: string[];
}

/** A request to publish a draft or roll a flow back, with its impact report once written. */
export type Release = Answer<'/v1/releases/{id}'>;

export type ImpactReport = NonNullable<Release['impact']>;

export type Governance = Answer<'/v1/governance'>;
