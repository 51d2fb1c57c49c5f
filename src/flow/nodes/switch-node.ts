import { Env, compileNode, parseExpression, BUILTIN_NAMES, toDouble, type Node } from '../../expr/index.ts';
import type { EdgeDefinition, NodeDefinition } from '../definition.ts';
import { FlowError, type FlowIssue } from '../flow-error.ts';
import { compileFeel, freeNames } from '../feel-support.ts';
import type { NodeHandler } from './node-handler.ts';

type SwitchNode = Extract<NodeDefinition, { kind: 'switch' }>;

/**
 * Branches on FEEL conditions held by its outgoing edges. `first`: the first edge whose
 * condition is true, else the default edge. `all`: every such edge in order, each branch run
 * until the join node, then on from the join.
 */
export const switchNode: NodeHandler<SwitchNode> = {
  kind: 'switch',
  exits: 'conditions',
  compile(def, ctx) {
    const conditional = ctx.edges.filter((e) => !e.default);
    const fallback = ctx.edges.find((e) => e.default);
    const tests = conditional.map((e, i) => ({
      to: e.to,
      label: e.label ?? e.when!,
      test: compileFeel(e.when!, ctx.knownNames, `${ctx.path}.edges[${i}].when`),
    }));
    const reads = [...freeNames(tests.map((t) => t.test.ast))];
    const all = def.mode === 'all';
    return {
      id: def.id,
      kind: 'switch',
      reads,
      join: def.join,
      run(state) {
        if (!all) {
          for (const t of tests) if (t.test.run(state.env) === true) return { next: [t.to], branch: t.label };
          if (fallback) return { next: [fallback.to], branch: fallback.label ?? 'default' };
          throw new FlowError('no_branch', [
            { path: ctx.path, code: 'no_branch', message: `switch ${def.id}: no condition holds and there is no default edge` },
          ]);
        }
        const taken = tests.filter((t) => t.test.run(state.env) === true);
        if (taken.length === 0) {
          if (fallback) return { next: [fallback.to], branch: fallback.label ?? 'default' };
          return { next: [def.join!], branch: 'none' };
        }
        return { next: taken.map((t) => t.to), branch: taken.map((t) => t.label).join(' + ') };
      },
    };
  },
  branches: (_def, edges) =>
    edges.map((e) => ({
      label: e.default ? (e.label ?? 'default') : (e.label ?? e.when!),
      to: e.to,
      condition: e.default ? 'no other condition holds' : e.when!,
    })),
  // The conditions live on the edges; the flow checks edge expressions itself.
  expressions: () => [],
  writes: () => [],
  check(def, { edges, path, inputFields }) {
    const issues: FlowIssue[] = [];
    if (def.mode === 'all' && !def.join) issues.push({ path, code: 'bad_node', message: `switch ${def.id} is "all" but names no join node` });
    const defaults = edges.filter((e) => e.default);
    if (defaults.length > 1) issues.push({ path, code: 'bad_edges', message: `switch ${def.id} has ${defaults.length} default edges; keep one` });
    for (const e of edges)
      if (!e.default && !e.when) issues.push({ path, code: 'bad_edges', message: `edge ${def.id} → ${e.to} needs a "when" condition or "default": true` });
    issues.push(
      ...neverTaken(
        def,
        edges.filter((e) => !e.default && e.when),
        path,
        inputFields,
      ),
    );
    return issues;
  },
};

/** A half-open or closed numeric interval, for "this branch can never be taken" checks. */
interface Interval {
  lo: number;
  hi: number;
  loIn: boolean;
  hiIn: boolean;
}

function interval(node: Node): { name: string; iv: Interval } | null {
  if (node.t === 'cmp' && node.op !== '!=') {
    let name: string | null = null;
    let k: number | null = null;
    let op = node.op;
    if (node.l.t === 'name' && node.r.t === 'num') [name, k] = [node.l.name, toDouble(node.r.v)];
    else if (node.r.t === 'name' && node.l.t === 'num') {
      [name, k] = [node.r.name, toDouble(node.l.v)];
      op = ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=', '=': '=' } as const)[op];
    }
    if (name === null || k === null) return null;
    switch (op) {
      case '<':
        return { name, iv: { lo: -Infinity, hi: k, loIn: false, hiIn: false } };
      case '<=':
        return { name, iv: { lo: -Infinity, hi: k, loIn: false, hiIn: true } };
      case '>':
        return { name, iv: { lo: k, hi: Infinity, loIn: false, hiIn: false } };
      case '>=':
        return { name, iv: { lo: k, hi: Infinity, loIn: true, hiIn: false } };
      default:
        return { name, iv: { lo: k, hi: k, loIn: true, hiIn: true } };
    }
  }
  if (node.t === 'between' && node.e.t === 'name' && node.lo.t === 'num' && node.hi.t === 'num') {
    return { name: node.e.name, iv: { lo: toDouble(node.lo.v), hi: toDouble(node.hi.v), loIn: true, hiIn: true } };
  }
  if (node.t === 'and') {
    const a = interval(node.l);
    const b = interval(node.r);
    if (!a || !b || a.name !== b.name) return null;
    const lo = a.iv.lo > b.iv.lo || (a.iv.lo === b.iv.lo && !a.iv.loIn) ? a.iv : b.iv;
    const hi = a.iv.hi < b.iv.hi || (a.iv.hi === b.iv.hi && !a.iv.hiIn) ? a.iv : b.iv;
    return { name: a.name, iv: { lo: lo.lo, loIn: lo.loIn, hi: hi.hi, hiIn: hi.hiIn } };
  }
  return null;
}

/** Is `iv` covered by the union of `earlier`? Checked on every boundary and every gap between them. */
function covered(iv: Interval, earlier: Interval[]): boolean {
  const inside = (x: number, i: Interval) => (x > i.lo || (x === i.lo && i.loIn)) && (x < i.hi || (x === i.hi && i.hiIn));
  const points = [iv.lo, iv.hi, ...earlier.flatMap((e) => [e.lo, e.hi])].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const probes = new Set<number>();
  for (let i = 0; i < points.length; i++) {
    probes.add(points[i]!);
    if (i + 1 < points.length) probes.add((points[i]! + points[i + 1]!) / 2);
  }
  if (points.length) {
    probes.add(points[0]! - 1);
    probes.add(points[points.length - 1]! + 1);
  } else probes.add(0);
  return [...probes].filter((x) => inside(x, iv)).every((x) => earlier.some((e) => inside(x, e)));
}

function stringsCompared(node: Node): { name: string; values: string[] } | null {
  if (node.t === 'cmp' && node.op === '=' && node.l.t === 'name' && node.r.t === 'str') return { name: node.l.name, values: [node.r.v] };
  if (node.t === 'in' && node.e.t === 'name') {
    const values: string[] = [];
    for (const t of node.tests) {
      if (t.t === 'str') values.push(t.v);
      else if (t.t === 'list' && t.items.every((x) => x.t === 'str')) values.push(...t.items.map((x) => (x as { v: string }).v));
      else return null;
    }
    return { name: node.e.name, values };
  }
  return null;
}

function neverTaken(def: SwitchNode, edges: EdgeDefinition[], path: string, inputFields: Record<string, { enum?: string[] }>): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const seen: { text: string; iv?: { name: string; iv: Interval } | null }[] = [];
  const known = [...BUILTIN_NAMES, ...Object.keys(inputFields)];
  edges.forEach((e) => {
    const where = `${path} → ${e.to}`;
    let ast: Node;
    try {
      ast = parseExpression(e.when!, known);
    } catch {
      return; // reported by the expression check
    }
    const never = (why: string) =>
      issues.push({ path: where, code: 'never_taken', message: `the branch "${e.when}" of switch ${def.id} can never be taken: ${why}` });
    if (freeNames(ast).size === 0) {
      const v = compileNode(ast)(Env.root({}));
      if (v !== true) never(`it is constant ${JSON.stringify(v)}`);
    }
    const strings = stringsCompared(ast);
    const allowed = strings ? inputFields[strings.name]?.enum : undefined;
    if (strings && allowed && strings.values.every((s) => !allowed.includes(s)))
      never(`${strings.name} is one of ${allowed.map((s) => JSON.stringify(s)).join(', ')}`);
    if (def.mode !== 'all') {
      if (seen.some((s) => s.text === e.when)) never('an earlier branch has the same condition');
      const iv = interval(ast);
      if (iv) {
        const earlier = seen.filter((s) => s.iv?.name === iv.name).map((s) => s.iv!.iv);
        if (earlier.length && covered(iv.iv, earlier)) never(`earlier branches already take every value of ${iv.name} it allows`);
      }
      seen.push({ text: e.when!, iv: interval(ast) });
    }
  });
  return issues;
}
