import { parseExpression, type Node } from '../expr/index.ts';
import type { FlowDefinition } from './definition.ts';
import type { FlowIssue } from './flow-error.ts';
import { freeNames } from './feel-support.ts';
import { knownNamesOf } from './static-checks.ts';

/** Names the expression compares with null or tests with `instance of` (a guard against missing values). */
function guarded(node: Node, out = new Set<string>()): Set<string> {
  const nameOf = (n: Node) => (n.t === 'name' ? n.name : null);
  if (node.t === 'cmp' && (node.op === '=' || node.op === '!=')) {
    if (node.r.t === 'null' && nameOf(node.l)) out.add(nameOf(node.l)!);
    if (node.l.t === 'null' && nameOf(node.r)) out.add(nameOf(node.r)!);
  }
  if (node.t === 'instanceof' && nameOf(node.e)) out.add(nameOf(node.e)!);
  if (node.t === 'call' && node.fn.t === 'name' && node.fn.name === 'is defined') for (const a of node.args) if (nameOf(a)) out.add(nameOf(a)!);
  for (const child of Object.values(node)) {
    if (Array.isArray(child)) for (const c of child) if (c && typeof c === 'object' && 't' in c) guarded(c as Node, out);
    if (child && typeof child === 'object' && 't' in child) guarded(child as Node, out);
  }
  return out;
}

/**
 * Warnings, not errors: knock-out and refer rules and switch conditions that read an input
 * field the application may leave out. Comparing a missing value gives null, and a rule whose
 * condition is null does not fire (FEEL's semantics, which no engine changes): the analyst
 * should either require the field or say what a missing value means.
 */
export function nullableConditions(def: FlowDefinition): FlowIssue[] {
  const optional = new Set(
    Object.entries(def.input.fields)
      .filter(([, f]) => f.required !== true)
      .map(([name]) => name),
  );
  const known = knownNamesOf(def);
  const issues: FlowIssue[] = [];
  const check = (text: string, path: string, what: string) => {
    let ast: Node;
    try {
      ast = parseExpression(text, known);
    } catch {
      return; // syntax errors are checkFlow's
    }
    const safe = guarded(ast);
    const risky = [...freeNames(ast)].filter((n) => optional.has(n) && !safe.has(n));
    if (risky.length) {
      const names = risky.map((n) => `"${n}"`).join(', ');
      issues.push({
        path,
        code: 'nullable_condition',
        message: `${what} reads ${names}, which the application may leave out: then the condition is null and ${what.startsWith('rule') ? 'the rule does not fire' : 'the branch is not taken'}; make the field required or test for null (${risky[0]} = null or ...)`,
      });
    }
  };
  def.nodes.forEach((n, i) => {
    if (n.kind === 'ruleset') n.rules.forEach((r, k) => r.severity !== 'warning' && check(r.when, `$.nodes[${i}].rules[${k}].when`, `rule ${r.code}`));
  });
  def.edges.forEach((e, i) => {
    if (e.when) check(e.when, `$.edges[${i}].when`, `the condition of ${e.from} → ${e.to}`);
  });
  return issues;
}
