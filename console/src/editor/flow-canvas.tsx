import { flowAriaLabels } from '../i18n/flow-aria.ts';
import { t } from '../i18n/i18n.ts';
import {
  Background,
  BaseEdge,
  Controls,
  type Edge,
  EdgeLabelRenderer,
  type EdgeProps,
  getSmoothStepPath,
  Handle,
  MarkerType,
  MiniMap,
  type Node,
  type NodeChange,
  type NodeProps,
  Position,
  ReactFlow,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useCallback, useMemo, useState } from 'react';
import { KIND_COLOUR } from '../flow-graph.tsx';
import type { FlowDefinition } from '../types.ts';
import type { FlowLayout, Point } from './layout.ts';
import { NODE_HEIGHT, NODE_WIDTH } from './layout.ts';
import { edgeLabel } from './node-kinds.ts';
import { INSET_PREFIX, type OpenedSubflow, subflowInsets } from './subflow-inset.ts';

export type Selection = { node: string } | { edge: number } | null;

interface FlowNodeData extends Record<string, unknown> {
  title: string;
  kind: string;
  problems: number;
  onPath: boolean;
  /** A subflow node: opens or closes the subflow's inset. */
  toggle?: () => void;
  opened?: boolean;
  /** A node of an opened subflow: read-only. */
  inset?: boolean;
}

interface RoutedEdgeData extends Record<string, unknown> {
  text: string;
  problems: number;
  onPath: boolean;
  /** ELK's route, used while both ends stay where ELK put them. */
  route: { points: Point[]; label: (Point & { width: number; height: number }) | null } | null;
  /** Labels are buttons: an edge can be chosen with the keyboard, and clicked where it is easy to hit. */
  select: () => void;
}

const FlowNodeView = memo(function FlowNodeView({ data, selected }: NodeProps<Node<FlowNodeData>>) {
  return (
    <div
      className={`studio-node${data.problems ? ' has-problems' : ''}${data.onPath ? ' on-path' : ''}${selected ? ' is-selected' : ''}`}
      style={{ background: KIND_COLOUR[data.kind] ?? '#fff', width: NODE_WIDTH, height: NODE_HEIGHT }}
    >
      <Handle type="target" position={Position.Left} isConnectable={!data.inset} />
      <strong>{data.title}</strong>
      <span className="small muted">
        {data.kind}
        {data.toggle ? (
          <button
            type="button"
            className="linklike nodrag subflow-toggle"
            aria-expanded={data.opened}
            onClick={(e) => {
              e.stopPropagation();
              data.toggle?.();
            }}
          >
            {data.opened ? 'close' : 'open'}
          </button>
        ) : null}
      </span>
      {data.problems ? (
        <span className="problem-count" title={t('{{problems}} problem(s)', { problems: data.problems })}>
          {data.problems}
        </span>
      ) : null}
      <Handle type="source" position={Position.Right} isConnectable={!data.inset} />
    </div>
  );
});

function RoutedEdge(props: EdgeProps<Edge<RoutedEdgeData>>) {
  const { data, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, selected } = props;
  const route = data?.route;
  let path: string;
  let labelAt: { x: number; y: number; width?: number };
  if (route && route.points.length >= 2) {
    path = route.points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ');
    labelAt = route.label
      ? { x: route.label.x + route.label.width / 2, y: route.label.y + route.label.height / 2, width: route.label.width }
      : route.points[1]!;
  } else {
    const [d, x, y] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
    path = d;
    labelAt = { x, y };
  }
  const stroke = data?.problems ? '#c0392b' : data?.onPath ? '#d35400' : selected ? '#1f5fbf' : '#8a94a6';
  return (
    <>
      <BaseEdge
        path={path}
        markerEnd={markerEnd}
        style={{ stroke, strokeWidth: data?.onPath || selected || data?.problems ? 2.5 : 1.4 }}
        interactionWidth={14}
      />
      {data?.text ? (
        <EdgeLabelRenderer>
          <button
            type="button"
            className={`studio-edge-label nodrag nopan${data.problems ? ' has-problems' : ''}${selected ? ' is-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelAt.x}px, ${labelAt.y}px)`, maxWidth: labelAt.width ? labelAt.width + 4 : 220 }}
            aria-label={t('Edge {{source}} to {{target}}: {{text}}', { source: props.source, target: props.target, text: data.text })}
            onClick={data.select}
          >
            {data.text}
          </button>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

const nodeTypes = { flowNode: FlowNodeView };
const edgeTypes = { routed: RoutedEdge };

/** The flow being edited as a graph: nodes move, connect, reconnect and delete; problems and a trial's path are marked. */
export function FlowCanvas({
  definition,
  positions,
  layout,
  problems,
  path,
  selection,
  onSelect,
  onMove,
  onConnect,
  onReconnect,
  onDelete,
  opened,
  onToggleSubflow,
}: {
  definition: FlowDefinition;
  positions: ReadonlyMap<string, Point>;
  layout: FlowLayout | null;
  problems: { nodes: ReadonlyMap<string, number>; edges: ReadonlyMap<number, number> };
  path: readonly string[];
  selection: Selection;
  onSelect: (s: Selection) => void;
  onMove: (id: string, at: Point) => void;
  onConnect: (from: string, to: string) => void;
  onReconnect: (edge: number, from: string, to: string) => void;
  onDelete: (nodes: string[], edges: number[]) => void;
  /** Subflows opened on the canvas, by subflow node id. */
  opened: ReadonlyMap<string, OpenedSubflow>;
  onToggleSubflow: (nodeId: string) => void;
}) {
  // Controlled nodes must carry what the canvas measured, or the minimap has nothing to draw.
  const [sizes, setSizes] = useState<ReadonlyMap<string, { width: number; height: number }>>(new Map());
  const visited = useMemo(() => new Set(path.map((s) => s.split(':')[0]!)), [path]);
  const taken = useMemo(() => {
    const t = new Set<string>();
    for (let i = 1; i < path.length; i++) t.add(`${path[i - 1]!.split(':')[0]}>${path[i]!.split(':')[0]}`);
    return t;
  }, [path]);
  const nodes: Node<FlowNodeData>[] = useMemo(
    () =>
      definition.nodes.map((n) => ({
        id: n.id,
        type: 'flowNode',
        position: positions.get(n.id) ?? { x: 0, y: 0 },
        measured: sizes.get(n.id),
        selected: selection !== null && 'node' in selection && selection.node === n.id,
        ariaLabel: problems.nodes.get(n.id)
          ? t('{{kind}} node {{name}}, {{problems}} problems', { kind: n.kind, name: n.label ?? n.id, problems: problems.nodes.get(n.id) })
          : t('{{kind}} node {{name}}', { kind: n.kind, name: n.label ?? n.id }),
        data: {
          title: n.label ?? n.id,
          kind: n.kind,
          problems: problems.nodes.get(n.id) ?? 0,
          onPath: visited.has(n.id),
          ...(n.kind === 'subflow' && typeof n.flow === 'string' && n.flow ? { toggle: () => onToggleSubflow(n.id), opened: opened.has(n.id) } : {}),
        },
      })),
    [definition.nodes, positions, sizes, selection, problems.nodes, visited, opened, onToggleSubflow],
  );
  const insets = useMemo(() => subflowInsets(opened, positions), [opened, positions]);
  const edges: Edge<RoutedEdgeData>[] = useMemo(
    () =>
      definition.edges.map((e, i) => {
        const laidOut = layout?.edges.get(i);
        const unmoved = (id: string) => {
          const now = positions.get(id);
          const then = layout?.nodes.get(id);
          return now !== undefined && then !== undefined && now.x === then.x && now.y === then.y;
        };
        return {
          id: `e${i}`,
          source: e.from,
          target: e.to,
          type: 'routed',
          selected: selection !== null && 'edge' in selection && selection.edge === i,
          markerEnd: { type: MarkerType.ArrowClosed },
          ariaLabel: edgeLabel(e, t)
            ? t('edge from {{from}} to {{to}}: {{label}}', { from: e.from, to: e.to, label: edgeLabel(e, t) })
            : t('edge from {{from}} to {{to}}', { from: e.from, to: e.to }),
          data: {
            text: edgeLabel(e, t),
            problems: problems.edges.get(i) ?? 0,
            onPath: taken.has(`${e.from}>${e.to}`),
            route: laidOut && unmoved(e.from) && unmoved(e.to) ? laidOut : null,
            select: () => onSelect({ edge: i }),
          },
        };
      }),
    [definition.edges, layout, positions, selection, problems.edges, taken, onSelect],
  );
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const measured = changes.filter((c) => c.type === 'dimensions' && c.dimensions);
      for (const c of changes) if (c.type === 'position' && c.position && !c.id.startsWith(INSET_PREFIX)) onMove(c.id, c.position);
      if (measured.length)
        setSizes((old) => {
          // Only a real change of size makes a new map: the same size again must not redraw (and re-measure) the canvas.
          const changed = measured.filter(
            (c) => c.type === 'dimensions' && (old.get(c.id)?.width !== c.dimensions!.width || old.get(c.id)?.height !== c.dimensions!.height),
          );
          if (!changed.length) return old;
          const next = new Map(old);
          for (const c of changed) if (c.type === 'dimensions') next.set(c.id, c.dimensions!);
          return next;
        });
    },
    [onMove],
  );
  return (
    <div className="graph studio-canvas" data-testid="studio-canvas">
      <ReactFlow
        ariaLabelConfig={flowAriaLabels()}
        nodes={insets.nodes.length ? [...nodes, ...insets.nodes] : nodes}
        edges={insets.edges.length ? [...edges, ...(insets.edges as Edge<RoutedEdgeData>[])] : edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeClick={(_, n) => (n.id.startsWith(INSET_PREFIX) ? undefined : onSelect({ node: n.id }))}
        onEdgeClick={(_, e) => onSelect({ edge: Number(e.id.slice(1)) })}
        onPaneClick={() => onSelect(null)}
        onConnect={(c) => c.source && c.target && onConnect(c.source, c.target)}
        edgesReconnectable
        onReconnect={(old, c) => c.source && c.target && onReconnect(Number(old.id.slice(1)), c.source, c.target)}
        onDelete={({ nodes: n, edges: e }) =>
          onDelete(
            n.filter((x) => !x.id.startsWith(INSET_PREFIX)).map((x) => x.id),
            e.filter((x) => !x.id.startsWith(INSET_PREFIX)).map((x) => Number(x.id.slice(1))),
          )
        }
        deleteKeyCode={['Delete', 'Backspace']}
        minZoom={0.05}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <MiniMap
          pannable
          zoomable
          ariaLabel={t('Minimap of the whole flow')}
          nodeColor={(n) => KIND_COLOUR[(n.data as FlowNodeData).kind] ?? '#ccc'}
          nodeStrokeColor="#5a6472"
          nodeStrokeWidth={6}
        />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
