import type { NodeDefinition } from '../definition.ts';
import { compileFeel, freeNames } from '../feel-support.ts';
import type { NodeHandler, Reason } from './node-handler.ts';

type RulesetNode = Extract<NodeDefinition, { kind: 'ruleset' }>;

/**
 * Knock-out, refer and warning rules. Every rule is evaluated so that all reasons are
 * recorded; then the run leaves by `knockout` if any knock-out rule fired, else by `refer`
 * if a refer rule fired (and that port exists), else by `pass`.
 */
export const rulesetNode: NodeHandler<RulesetNode> = {
  kind: 'ruleset',
  exits: ['pass', 'knockout', 'refer'],
  requiredPorts: (def) => [
    'pass',
    ...(def.rules.some((r) => r.severity === 'knockout') ? ['knockout'] : []),
    ...(def.rules.some((r) => r.severity === 'refer') ? ['refer'] : []),
  ],
  compile(def, ctx) {
    const rules = def.rules.map((r, i) => ({ ...r, test: compileFeel(r.when, ctx.knownNames, `${ctx.path}.rules[${i}].when`) }));
    const reads = [...freeNames(rules.map((r) => r.test.ast))];
    const port = (name: string) => ctx.edges.find((e) => e.on === name)?.to;
    const pass = port('pass')!;
    const knockout = port('knockout');
    const refer = port('refer');
    return {
      id: def.id,
      kind: 'ruleset',
      reads,
      run(state) {
        let knocked = false;
        let referred = false;
        const fired: string[] = [];
        for (const r of rules) {
          if (r.test.run(state.env) !== true) continue;
          fired.push(r.code);
          const reason: Reason = { code: r.code, text: r.text, ...(r.texts ? { texts: r.texts } : {}), severity: r.severity, node: def.id };
          state.reasons.push(reason);
          if (r.severity === 'knockout') knocked = true;
          else if (r.severity === 'refer') referred = true;
        }
        const wrote = { [`${def.id}.fired`]: fired };
        if (knocked && knockout) return { next: [knockout], branch: 'knockout', wrote };
        if (referred && refer) return { next: [refer], branch: 'refer', wrote };
        return { next: [pass], branch: 'pass', wrote };
      },
    };
  },
  branches: (def, edges) =>
    edges.map((e) => ({
      label: e.on ?? 'pass',
      to: e.to,
      condition:
        e.on === 'knockout'
          ? `any of ${def.rules
              .filter((r) => r.severity === 'knockout')
              .map((r) => r.code)
              .join(', ')}`
          : e.on === 'refer'
            ? `no knock-out and any of ${def.rules
                .filter((r) => r.severity === 'refer')
                .map((r) => r.code)
                .join(', ')}`
            : 'no knock-out or refer rule fired',
    })),
  expressions: (def) => def.rules.map((r, i) => ({ path: `rules[${i}].when`, text: r.when })),
  writes: () => [],
};
