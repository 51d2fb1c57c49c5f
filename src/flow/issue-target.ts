import type { FlowIssue } from './flow-error.ts';

/** An issue with the node or edge it concerns, so an editor can mark it where the analyst looks. */
export interface LocatedIssue extends FlowIssue {
  node?: string;
  edge?: number;
}

const NODE = /^\$\.nodes\[(\d+)\]/;
const EDGE = /^\$\.edges\[(\d+)\]/;

/**
 * Reads the node or edge out of an issue's JSON path. Works on definitions that failed their
 * schema too (the editor checks half-made flows), so it reads the raw JSON; input fields belong
 * to the input node, whose form edits them.
 */
export function locateIssues(definition: unknown, issues: readonly FlowIssue[]): LocatedIssue[] {
  const raw = (definition ?? {}) as { nodes?: unknown };
  const nodes = Array.isArray(raw.nodes) ? (raw.nodes as { id?: unknown; kind?: unknown }[]) : [];
  const idAt = (i: number): string | undefined => (typeof nodes[i]?.id === 'string' ? (nodes[i]!.id as string) : undefined);
  const inputNode = nodes.find((n) => n?.kind === 'input');
  return issues.map((issue) => {
    const node = NODE.exec(issue.path);
    if (node) {
      const id = idAt(Number(node[1]));
      return id ? { ...issue, node: id } : { ...issue };
    }
    const edge = EDGE.exec(issue.path);
    if (edge) return { ...issue, edge: Number(edge[1]) };
    if (issue.path.startsWith('$.input') && typeof inputNode?.id === 'string') return { ...issue, node: inputNode.id };
    return { ...issue };
  });
}
