import { flowAriaLabels } from './i18n/flow-aria.ts';
import { t } from './i18n/i18n.ts';
import { Background, Controls, MarkerType, Position, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import type { FlowDefinition } from './types.ts';

export const KIND_COLOUR: Record<string, string> = {
  input: '#dfe6e9',
  expression: '#e3f2fd',
  table: '#fff3e0',
  ruleset: '#fde2e4',
  switch: '#ede7f6',
  review: '#fff9c4',
  output: '#e8f5e9',
  score: '#e0f7fa',
  bureau: '#f3e5f5',
  optimize: '#f1f8e9',
  subflow: '#eceff1',
};

/** Layers nodes by their longest distance from the input, so a flow reads left to right. */
function layout(def: FlowDefinition): Map<string, { x: number; y: number }> {
  const depth = new Map<string, number>(def.nodes.map((n) => [n.id, 0]));
  for (let pass = 0; pass < def.nodes.length; pass++) {
    let moved = false;
    for (const e of def.edges) {
      const d = (depth.get(e.from) ?? 0) + 1;
      if (d > (depth.get(e.to) ?? 0) && d <= def.nodes.length) {
        depth.set(e.to, d);
        moved = true;
      }
    }
    if (!moved) break;
  }
  const rows = new Map<number, number>();
  const at = new Map<string, { x: number; y: number }>();
  for (const n of def.nodes) {
    const d = depth.get(n.id) ?? 0;
    const row = rows.get(d) ?? 0;
    rows.set(d, row + 1);
    at.set(n.id, { x: d * 230, y: row * 80 });
  }
  return at;
}

/** The flow drawn as a graph; nodes on `highlight` (a decision's path) are marked, the selected one outlined. */
export function FlowGraph({
  definition,
  highlight = [],
  selected,
  onSelect,
  height = 520,
}: {
  definition: FlowDefinition;
  highlight?: string[];
  selected?: string | null;
  onSelect?: (id: string) => void;
  height?: number;
}) {
  const visited = useMemo(() => new Set(highlight.map((s) => s.split(':')[0]!)), [highlight]);
  const { nodes, edges } = useMemo(() => {
    const at = layout(definition);
    const nodes: Node[] = definition.nodes.map((n) => ({
      id: n.id,
      position: at.get(n.id)!,
      sourcePosition: Position.Right,
      targetPosition: Position.Left,
      data: { label: `${n.label ?? n.id}\n(${n.kind})` },
      ariaLabel: visited.has(n.id)
        ? t('{{kind}} node {{name}}, on the path', { kind: n.kind, name: n.label ?? n.id })
        : t('{{kind}} node {{name}}', { kind: n.kind, name: n.label ?? n.id }),
      className: `flow-node${visited.has(n.id) ? ' on-path' : ''}${selected === n.id ? ' selected-node' : ''}`,
      style: { background: KIND_COLOUR[n.kind] ?? '#fff', whiteSpace: 'pre-line', fontSize: 11, width: 170 },
    }));
    const taken = new Set<string>();
    for (let i = 1; i < highlight.length; i++) taken.add(`${highlight[i - 1]!.split(':')[0]}>${highlight[i]!.split(':')[0]}`);
    const edges: Edge[] = definition.edges.map((e, i) => ({
      id: `e${i}`,
      source: e.from,
      target: e.to,
      label: e.label ?? e.on ?? (e.default ? t('otherwise') : e.when),
      ariaLabel: t('edge from {{from}} to {{to}}', { from: e.from, to: e.to }),
      animated: taken.has(`${e.from}>${e.to}`),
      markerEnd: { type: MarkerType.ArrowClosed },
      style: taken.has(`${e.from}>${e.to}`) ? { stroke: '#d35400', strokeWidth: 2.5 } : undefined,
      labelStyle: { fontSize: 10 },
    }));
    return { nodes, edges };
  }, [definition, visited, highlight, selected]);
  return (
    <div className="graph" style={{ height }} data-testid="flow-graph">
      <ReactFlow
        ariaLabelConfig={flowAriaLabels()}
        nodes={nodes}
        edges={edges}
        fitView
        fitViewOptions={{ padding: 0.05 }}
        minZoom={0.05}
        nodesDraggable={false}
        nodesConnectable={false}
        onNodeClick={(_, n) => onSelect?.(n.id)}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
