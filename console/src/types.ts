export type Role = 'admin' | 'risk-manager' | 'analyst' | 'reviewer' | 'auditor' | 'service';

export interface Me {
  keyId: string;
  name: string;
  role: Role;
}

export interface TraceEntry {
  node: string;
  kind: string;
  read: Record<string, unknown>;
  wrote: Record<string, unknown>;
  branch?: string;
  ms: number;
  warnings?: { code?: string; message: string }[];
}

export interface Decision {
  id: string;
  status: 'completed' | 'pending_review';
  flow: { id: string; version: number };
  outcome: string | null;
  automatedOutcome: string | null;
  override: { outcome: string; reviewer: string; note: string; at: string } | null;
  /** `feature` and `impact` on the reasons a score node's model gave (an output's modelReasons). */
  reasons: { code: string; text: string; feature?: string; impact?: number }[];
  offer: Record<string, unknown> | null;
  path: string[];
  pendingReviewId: string | null;
  createdAt: string;
  completedAt: string | null;
  durationMs: number;
  trace?: TraceEntry[];
  versions?: unknown;
  application?: Record<string, unknown> | null;
  personalDataErased?: boolean;
}

export interface Review {
  id: string;
  decisionId: string;
  nodeId: string;
  queue: string;
  reason: string;
  status: 'pending' | 'decided';
  verdict: 'approve' | 'decline' | null;
  note: string | null;
  reviewer: string | null;
  createdAt: string;
  decidedAt: string | null;
  claimedBy: string | null;
  claimedAt: string | null;
}

export interface FlowSummary {
  id: string;
  name: string;
  latestVersion: number;
  publishedVersion: number | null;
  createdAt: string;
}

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
  input?: { fields: Record<string, { type: string; class: string }> };
  nodes: FlowNode[];
  edges: FlowEdge[];
  [key: string]: unknown;
}

export interface FlowVersion {
  flowId: string;
  version: number;
  status: string;
  definition: FlowDefinition;
  createdAt: string;
  createdBy?: string;
  publishedAt?: string | null;
}

export interface Issue {
  path: string;
  code: string;
  message: string;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  data: unknown;
  hash: string;
}

/** What every page is given: who is signed in, and the route below the page's own segment. */
export interface PageProps {
  me: Me;
  route: string[];
}
