import type { ELK as ElkEngine, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { FlowDefinition } from '../types.ts';
import { edgeLabel } from './node-kinds.ts';

export const NODE_WIDTH = 168;
export const NODE_HEIGHT = 54;
const LABEL_HEIGHT = 16;
/** Edge labels are set in 10px text; ELK must know their size to keep them clear of each other and of nodes. */
const labelWidth = (text: string) => Math.min(220, Math.ceil(text.length * 5.6) + 10);

export interface Point {
  x: number;
  y: number;
}

/** Where ELK put a node, and each edge's route and label, by edge index. */
export interface FlowLayout {
  nodes: Map<string, Point>;
  edges: Map<number, { points: Point[]; label: (Point & { width: number; height: number }) | null }>;
  width: number;
  height: number;
}

let engine: Promise<ElkEngine> | null = null;
/** ELK is large (1.4 MB): it is fetched the first time a flow is laid out, not with the console. */
function elk(): Promise<ElkEngine> {
  // The bundle is CommonJS: its default export is the constructor, typed differently by Vite's and Node's resolution.
  engine ??= import('elkjs/lib/elk.bundled.js').then((m) => new (m.default as unknown as new () => ElkEngine)());
  return engine;
}

/** Layouts of the last few flows: the flow page lays out what its Edit button will open, so the editor opens at once. */
const recent = new Map<string, Promise<FlowLayout>>();
const RECENT = 8;

/**
 * Lays a flow out in layers, left to right (ELK's layered algorithm, which places edge labels
 * as well as nodes, so neither overlaps). Edges that point at no node are left out. The same
 * nodes and edges give the same layout, so it is kept for the last few flows.
 */
export function layoutFlow(def: FlowDefinition): Promise<FlowLayout> {
  const key = JSON.stringify([def.nodes.map((n) => n.id), def.edges.map((e) => [e.from, e.to, edgeLabel(e)])]);
  let laid = recent.get(key);
  if (laid) {
    recent.delete(key);
  } else {
    laid = computeLayout(def);
    laid.catch(() => recent.delete(key));
  }
  recent.set(key, laid);
  while (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return laid;
}

/** One layout, not kept (the benchmark times this). */
export async function computeLayout(def: FlowDefinition): Promise<FlowLayout> {
  const ids = new Set(def.nodes.map((n) => n.id));
  const edges: ElkExtendedEdge[] = [];
  def.edges.forEach((e, i) => {
    if (!ids.has(e.from) || !ids.has(e.to) || e.from === e.to) return;
    const text = edgeLabel(e);
    edges.push({
      id: `e${i}`,
      sources: [e.from],
      targets: [e.to],
      labels: text ? [{ id: `l${i}`, text, width: labelWidth(text), height: LABEL_HEIGHT }] : [],
    });
  });
  const graph: ElkNode = {
    id: 'flow',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '48',
      'elk.spacing.nodeNode': '28',
      'elk.spacing.edgeLabel': '4',
      'elk.spacing.edgeNode': '14',
      'elk.edgeLabels.placement': 'CENTER',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: def.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT })),
    edges,
  };
  const laid = await (await elk()).layout(graph);
  const nodes = new Map<string, Point>();
  for (const c of laid.children ?? []) nodes.set(c.id, { x: c.x ?? 0, y: c.y ?? 0 });
  const routes: FlowLayout['edges'] = new Map();
  for (const e of (laid.edges ?? []) as ElkExtendedEdge[]) {
    const section = e.sections?.[0];
    if (!section) continue;
    const label = e.labels?.[0];
    routes.set(Number(e.id.slice(1)), {
      points: [section.startPoint, ...(section.bendPoints ?? []), section.endPoint],
      label: label ? { x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 } : null,
    });
  }
  return { nodes, edges: routes, width: laid.width ?? 0, height: laid.height ?? 0 };
}

/** Rectangles that overlap, for the layout's test and benchmark: nodes against nodes and labels. */
export function overlaps(layout: FlowLayout): string[] {
  const boxes: { name: string; x: number; y: number; w: number; h: number }[] = [];
  for (const [id, p] of layout.nodes) boxes.push({ name: `node ${id}`, x: p.x, y: p.y, w: NODE_WIDTH, h: NODE_HEIGHT });
  for (const [i, r] of layout.edges) if (r.label) boxes.push({ name: `label of edge ${i}`, x: r.label.x, y: r.label.y, w: r.label.width, h: r.label.height });
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) found.push(`${a.name} and ${b.name}`);
    }
  }
  return found;
}
