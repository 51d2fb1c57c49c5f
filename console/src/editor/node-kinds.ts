import { tk } from '../i18n/key.ts';
import type { FlowDefinition, FlowEdge, FlowNode } from '../types.ts';

export type NodeKind = 'input' | 'expression' | 'table' | 'ruleset' | 'switch' | 'subflow' | 'review' | 'score' | 'bureau' | 'optimize' | 'output';

/** What the palette offers, in the order a flow is usually built. */
export const NODE_KINDS: { kind: NodeKind; title: string; hint: string }[] = [
  { kind: 'input', title: tk('Input'), hint: tk('the application: its fields, types and personal-data classes') },
  { kind: 'expression', title: tk('Expression'), hint: tk('compute variables with FEEL') },
  { kind: 'table', title: tk('Decision table'), hint: tk('rules in a grid; one output variable') },
  { kind: 'ruleset', title: tk('Ruleset'), hint: tk('knock-out, refer and warning rules with reason codes') },
  { kind: 'switch', title: tk('Switch'), hint: tk('branch on conditions written on the edges') },
  { kind: 'score', title: tk('Score'), hint: tk('a stored model: probability of default, points, reasons') },
  { kind: 'bureau', title: tk('Bureau'), hint: tk('pull a credit report through a connector') },
  { kind: 'optimize', title: tk('Optimise'), hint: tk('choose the limit and rate with the best return for the risk') },
  { kind: 'subflow', title: tk('Subflow'), hint: tk('run another published flow') },
  { kind: 'review', title: tk('Review'), hint: tk('a person decides') },
  { kind: 'output', title: tk('Output'), hint: tk('the outcome, its reasons and the offer') },
];

export const FAILURE_CODES = ['no_consent', 'timeout', 'circuit_open', 'malformed', 'no_hit', 'rate_limited', 'unavailable', 'rejected'];

/** The named exits of a kind, when its edges carry `on`; null for one plain exit, or conditions (switch), or none (output). */
export function portsOf(kind: string): string[] | null {
  if (kind === 'ruleset') return ['pass', 'knockout', 'refer'];
  if (kind === 'review' || kind === 'optimize') return ['approve', 'decline'];
  if (kind === 'bureau') return ['ok', 'failure', ...FAILURE_CODES];
  return null;
}

/** A new node of a kind, with the fields its schema requires filled so that the checks point at what is left to write. */
export function newNode(kind: NodeKind, id: string): FlowNode {
  switch (kind) {
    case 'input':
      return { id, kind };
    case 'expression':
      return { id, kind, assign: {} };
    case 'table':
      return {
        id,
        kind,
        output: `${id}Result`,
        table: { hitPolicy: 'UNIQUE', inputs: [{ expression: '' }], outputs: [{ name: 'result' }], rules: [{ inputEntries: ['-'], outputEntries: ['null'] }] },
      };
    case 'ruleset':
      return { id, kind, rules: [{ code: 'KO_RULE', when: '', severity: 'knockout', text: '' }] };
    case 'switch':
      return { id, kind, mode: 'first' };
    case 'subflow':
      return { id, kind, flow: '', inputs: {}, output: `${id}Decision` };
    case 'review':
      return { id, kind, reason: 'a person must look at this application' };
    case 'score':
      return { id, kind, model: '', output: 'pd' };
    case 'bureau':
      return { id, kind, connector: '', inputs: {}, output: 'bureau' };
    case 'optimize':
      return {
        id,
        kind,
        strategy: {},
        inputs: { pd: 'pd', amount: '', term: '', income: '', debt: '' },
        output: 'offer',
      };
    case 'output':
      return { id, kind, outcome: 'approve' };
  }
}

/** An id not yet used: the kind's name and the first free number. */
export function freeId(def: FlowDefinition, stem: string): string {
  const used = new Set(def.nodes.map((n) => n.id));
  for (let i = 1; ; i++) if (!used.has(`${stem}${i}`)) return `${stem}${i}`;
}

/** The edge a new connection makes: on a node with ports, the first port not yet used; from a switch, a condition to write. */
export function newEdge(def: FlowDefinition, from: string, to: string): FlowEdge {
  const source = def.nodes.find((n) => n.id === from);
  const ports = source ? portsOf(source.kind) : null;
  if (ports) {
    const used = new Set(def.edges.filter((e) => e.from === from).map((e) => e.on));
    return { from, to, on: ports.find((p) => !used.has(p)) ?? ports[0]! };
  }
  // The condition is left for the analyst to write on the edge; the checks flag it until then.
  if (source?.kind === 'switch') return { from, to, when: '' };
  return { from, to };
}

/** What an edge shows on the canvas; `translate` puts the words the console adds into the reader's language. */
export function edgeLabel(e: FlowEdge, translate: (text: string) => string = (text) => text): string {
  return e.label ?? e.on ?? (e.default ? translate(tk('otherwise')) : e.when || (e.when === '' ? translate(tk('(condition?)')) : ''));
}

/** Renames a node and every edge and reference to it, so ids can be changed without breaking the flow. */
export function renameNode(def: FlowDefinition, from: string, to: string): FlowDefinition {
  return {
    ...def,
    nodes: def.nodes.map((n) => {
      const renamed = n.id === from ? { ...n, id: to } : n;
      if (renamed.kind === 'switch' && renamed.join === from) return { ...renamed, join: to };
      if (renamed.kind === 'output' && renamed.modelReasons === from) return { ...renamed, modelReasons: to };
      return renamed;
    }),
    edges: def.edges.map((e) => ({ ...e, from: e.from === from ? to : e.from, to: e.to === from ? to : e.to })),
  };
}

/** A flow with nothing in it but an input node and an output: the start of a new one. */
export function emptyFlow(id: string, name: string): FlowDefinition {
  return {
    id,
    name,
    input: { fields: {} },
    nodes: [
      { id: 'start', kind: 'input' },
      { id: 'approve', kind: 'output', outcome: 'approve' },
    ],
    edges: [{ from: 'start', to: 'approve' }],
  };
}
