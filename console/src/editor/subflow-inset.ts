import { type Edge, MarkerType, type Node } from '@xyflow/react';
import type { FlowDefinition } from '../types.ts';
import { type FlowLayout, NODE_HEIGHT, type Point } from './layout.ts';
import { edgeLabel } from './node-kinds.ts';
import { t } from '../i18n/i18n.ts';

/** A subflow opened on the canvas: the flow it runs, laid out. */
export interface OpenedSubflow {
  definition: FlowDefinition;
  version: number;
  layout: FlowLayout;
}

const PAD = 16;
export const INSET_PREFIX = 'inset:';

/**
 * The nodes and edges of opened subflows, drawn read-only in a frame under the subflow node:
 * one can read what a subflow does without leaving the flow, and close it again.
 */
export function subflowInsets(opened: ReadonlyMap<string, OpenedSubflow>, positions: ReadonlyMap<string, Point>): { nodes: Node[]; edges: Edge[] } {
  const nodes: Node[] = [];
  const edges: Edge[] = [];
  for (const [nodeId, sub] of opened) {
    const at = positions.get(nodeId);
    if (!at) continue;
    const frame = `${INSET_PREFIX}${nodeId}`;
    nodes.push({
      id: frame,
      type: 'group',
      position: { x: at.x, y: at.y + NODE_HEIGHT + 24 },
      style: {
        width: sub.layout.width + 2 * PAD,
        height: sub.layout.height + 2 * PAD + 18,
        background: 'rgba(236, 239, 241, 0.85)',
        border: '1px dashed #78909c',
      },
      data: { label: `${sub.definition.id} v${sub.version}` },
      draggable: false,
      selectable: false,
      ariaLabel: t('inside subflow {{node}}: {{name}} v{{version}}', { node: nodeId, name: sub.definition.name, version: sub.version }),
    });
    for (const n of sub.definition.nodes) {
      const p = sub.layout.nodes.get(n.id) ?? { x: 0, y: 0 };
      nodes.push({
        id: `${frame}:${n.id}`,
        type: 'flowNode',
        parentId: frame,
        extent: 'parent',
        position: { x: p.x + PAD, y: p.y + PAD + 18 },
        draggable: false,
        selectable: false,
        connectable: false,
        ariaLabel: t('{{kind}} node {{name}} of subflow {{subflow}}', { kind: n.kind, name: n.label ?? n.id, subflow: sub.definition.id }),
        data: { title: n.label ?? n.id, kind: n.kind, problems: 0, onPath: false, inset: true },
      });
    }
    sub.definition.edges.forEach((e, i) => {
      edges.push({
        id: `${frame}:e${i}`,
        source: `${frame}:${e.from}`,
        target: `${frame}:${e.to}`,
        type: 'smoothstep',
        label: edgeLabel(e, t) || undefined,
        labelStyle: { fontSize: 10 },
        markerEnd: { type: MarkerType.ArrowClosed },
        selectable: false,
        focusable: false,
      });
    });
  }
  return { nodes, edges };
}
