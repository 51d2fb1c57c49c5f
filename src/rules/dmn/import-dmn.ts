import type { DmnModdle } from 'dmn-moddle';
import { RuleError } from '../rule-error.ts';
import type { Aggregation, DecisionTableDefinition, HitPolicy } from '../decision-table.ts';
import type { BoxedExpression, DmnModel, ItemDefinition } from './model.ts';

/** The loosely typed tree dmn-moddle returns. */
interface Moddle {
  $type: string;
  [key: string]: unknown;
}

const MAX_XML_BYTES = 10 * 1024 * 1024;

/**
 * dmn-moddle knows the DMN 1.3 schema; 1.1, 1.2, 1.4 and 1.5 documents differ from it only in
 * what they add, so their namespaces are mapped onto 1.3's before reading.
 */
function normaliseNamespaces(xml: string): string {
  return xml
    .replace(/https?:\/\/www\.omg\.org\/spec\/DMN\/\d{8}\/MODEL\//g, 'https://www.omg.org/spec/DMN/20191111/MODEL/')
    .replace(/http:\/\/www\.omg\.org\/spec\/DMN\/20151101\/dmn\.xsd/g, 'https://www.omg.org/spec/DMN/20191111/MODEL/')
    .replace(/https?:\/\/www\.omg\.org\/spec\/DMN\/\d{8}\/DMNDI\//g, 'https://www.omg.org/spec/DMN/20191111/DMNDI/');
}

/**
 * An element of the document's DMN namespace: unprefixed, or with the prefix the document gives
 * it (Kogito and Drools write `dmn:`), the same on every element of one boxed expression; the
 * parts of DMN 1.5 boxed expressions may carry an id and other attributes.
 */
const P = String.raw`(?<p>(?:[A-Za-z_][\w.-]*:)?)`;
const open = (tag: string) => String.raw`<\k<p>${tag}(?:\s[^>]*)?>`;
const close = (tag: string) => String.raw`</\k<p>${tag}>`;
const literal = (group: string) =>
  String.raw`\s*${open('literalExpression')}\s*${open('text')}(?<${group}>[^<]*)${close('text')}\s*${close('literalExpression')}\s*`;
const part = (tag: string, group: string) => String.raw`${open(tag)}${literal(group)}${close(tag)}\s*`;

/**
 * DMN 1.5's boxed conditional, filter and iterators are unknown to dmn-moddle; where their
 * parts are literal expressions they are rewritten into the FEEL expression they mean before
 * reading (innermost first, so nested ones resolve too); other parts are handled by
 * boxedAsContext below. A boxed filter, some or every whose
 * match or satisfies gives a value that is not a boolean (nor null) for some item is null
 * (DMN 1.5, 10.2.4), where FEEL's own filter would drop the item and `some` would not look.
 */
/**
 * The FEEL each boxed expression means, given the FEEL of its parts: the parts' own text when
 * they are literal expressions, or calls of the functions boxedAsContext makes of them.
 */
const BOXED_FEEL = {
  conditional: (cond: string, then: string, otherwise: string) => `if (${cond}) then (${then}) else (${otherwise})`,
  filter: (list: string, match: string) =>
    `if count((${list})[not(((${match}) instance of boolean) or ((${match}) = null))]) > 0 then null else (${list})[${match}]`,
  quantified: (kind: string, v: string, list: string, test: string) =>
    `if (every ${v} in (${list}) satisfies (((${test}) instance of boolean) or ((${test}) = null))) then (${kind} ${v} in (${list}) satisfies (${test})) else null`,
  for: (v: string, list: string, body: string) => `for ${v} in (${list}) return (${body})`,
};

const BOXED_15: [RegExp, (g: Record<string, string>) => string][] = [
  [
    new RegExp(String.raw`<${P}conditional(?:\s[^>]*)?>\s*${part('if', 'a')}${part('then', 'b')}${part('else', 'c')}${close('conditional')}`, 'g'),
    (g) => BOXED_FEEL.conditional(g.a!, g.b!, g.c!),
  ],
  [
    new RegExp(String.raw`<${P}filter(?:\s[^>]*)?>\s*${part('in', 'a')}${part('match', 'b')}${close('filter')}`, 'g'),
    // The check is a filter too, so the match sees each item's entries by name as the filter does.
    (g) => BOXED_FEEL.filter(g.a!, g.b!),
  ],
  [
    new RegExp(String.raw`<${P}(?<k>some|every)\s[^>]*iteratorVariable="(?<v>[^"]+)"[^>]*>\s*${part('in', 'a')}${part('satisfies', 'b')}</\k<p>\k<k>>`, 'g'),
    (g) => BOXED_FEEL.quantified(g.k!, g.v!, g.a!, g.b!),
  ],
  [
    new RegExp(String.raw`<${P}for\s[^>]*iteratorVariable="(?<v>[^"]+)"[^>]*>\s*${part('in', 'a')}${part('return', 'b')}${close('for')}`, 'g'),
    (g) => BOXED_FEEL.for(g.v!, g.a!, g.b!),
  ],
];

const BOXED_TAGS = ['conditional', 'filter', 'for', 'some', 'every'] as const;

/** One boxed expression found in the text: where it starts and ends, its prefix, attributes and the children at its first level. */
interface Found {
  tag: (typeof BOXED_TAGS)[number];
  start: number;
  end: number;
  prefix: string;
  attributes: string;
  children: { tag: string; inner: string }[];
}

/**
 * Every boxed expression (of BOXED_TAGS) with no other boxed expression inside it, left to
 * right in one pass, found by counting nested tags of the same name; with their first-level
 * children and the children's inner XML.
 */
function innermostBoxed(xml: string): Found[] {
  const found: Found[] = [];
  const startTag = new RegExp(String.raw`<((?:[A-Za-z_][\w.-]*:)?)(${BOXED_TAGS.join('|')})(\s[^>]*)?>`, 'g');
  const nested = new RegExp(String.raw`<(?:[A-Za-z_][\w.-]*:)?(?:${BOXED_TAGS.join('|')})[\s>]`);
  for (let m = startTag.exec(xml); m; m = startTag.exec(xml)) {
    const [, prefix = '', tag, attributes = ''] = m;
    const endTag = `</${prefix}${tag}>`;
    const end = xml.indexOf(endTag, m.index);
    if (end < 0) break;
    const inner = xml.slice(m.index + m[0].length, end);
    // Another boxed expression inside: that one is rewritten first, in this pass.
    if (nested.test(inner)) continue;
    const escaped = prefix.replace('.', '\\.');
    const children: { tag: string; inner: string }[] = [];
    const child = new RegExp(String.raw`<${escaped}(\w+)(?:\s[^>]*)?>([\s\S]*?)</${escaped}\1>`, 'g');
    for (let c = child.exec(inner); c; c = child.exec(inner)) children.push({ tag: c[1]!, inner: c[2]! });
    found.push({ start: m.index, end: end + endTag.length, prefix, attributes, tag: tag as (typeof BOXED_TAGS)[number], children });
    startTag.lastIndex = end + endTag.length;
  }
  return found;
}

/**
 * A boxed expression whose parts are not all literal expressions, as a boxed context that
 * means the same: each part an entry (the parts evaluated per item or per branch become
 * functions, so they run only where the boxed expression would run them), and a last FEEL
 * entry that combines them. Entry names are numbered so nested ones do not shadow each other.
 */
function boxedAsContext(f: Found, n: number): string | null {
  const p = f.prefix;
  const part = (tag: string) => f.children.find((c) => c.tag === tag)?.inner;
  const entry = (name: string, body: string) => `<${p}contextEntry><${p}variable name="${name}"/>${body}</${p}contextEntry>`;
  const fn = (param: string | null, body: string) =>
    `<${p}functionDefinition>${param ? `<${p}formalParameter name="${param}"/>` : ''}${body}</${p}functionDefinition>`;
  const result = (feel: string) => `<${p}contextEntry><${p}literalExpression><${p}text>${feel}</${p}text></${p}literalExpression></${p}contextEntry>`;
  const v = /iteratorVariable="([^"]+)"/.exec(f.attributes)?.[1];
  const [a, b, c] = [`arbiterPartA${n}`, `arbiterPartB${n}`, `arbiterPartC${n}`];
  let entries: string;
  switch (f.tag) {
    case 'conditional': {
      const [i, t, e] = [part('if'), part('then'), part('else')];
      if (i === undefined || t === undefined || e === undefined) return null;
      entries = entry(a, i) + entry(b, fn(null, t)) + entry(c, fn(null, e)) + result(BOXED_FEEL.conditional(a, `${b}()`, `${c}()`));
      break;
    }
    case 'filter': {
      const [i, m] = [part('in'), part('match')];
      if (i === undefined || m === undefined) return null;
      entries = entry(a, i) + entry(b, fn('item', m)) + result(BOXED_FEEL.filter(a, `${b}(item)`));
      break;
    }
    default: {
      const [i, r] = [part('in'), part(f.tag === 'for' ? 'return' : 'satisfies')];
      if (!v || i === undefined || r === undefined) return null;
      const call = `${b}(${v})`;
      entries = entry(a, i) + entry(b, fn(v, r)) + result(f.tag === 'for' ? BOXED_FEEL.for(v, a, call) : BOXED_FEEL.quantified(f.tag, v, a, call));
    }
  }
  return `<${p}context>${entries}</${p}context>`;
}

/** Deeper nesting of boxed expressions than this is left unread: those decisions fail when evaluated. */
const MAX_BOXED_DEPTH = 64;

function desugarBoxed15(xml: string): string {
  let out = xml;
  let numbered = 0;
  for (let round = 0; round < MAX_BOXED_DEPTH; round++) {
    const before = out;
    for (const [re, feel] of BOXED_15) {
      out = out.replace(re, (...m: unknown[]) => {
        const g = m.at(-1) as Record<string, string>;
        return `<${g.p}literalExpression><${g.p}text>${feel(g)}</${g.p}text></${g.p}literalExpression>`;
      });
    }
    // What is left innermost has parts that are not literal expressions: each becomes a boxed context.
    let rebuilt = '';
    let from = 0;
    for (const f of innermostBoxed(out)) {
      const context = boxedAsContext(f, numbered++);
      if (!context) continue;
      rebuilt += out.slice(from, f.start) + context;
      from = f.end;
    }
    out = rebuilt + out.slice(from);
    if (out === before) break;
  }
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown): Moddle[] => (Array.isArray(v) ? (v as Moddle[]) : []);
const obj = (v: unknown): Moddle | undefined => (v && typeof v === 'object' ? (v as Moddle) : undefined);
const text = (v: unknown): string => str(obj(v)?.text) ?? '';

function hrefId(ref: unknown): string | undefined {
  const href = str(obj(ref)?.href);
  return href ? href.slice(href.indexOf('#') + 1) : undefined;
}

function itemDefinition(e: Moddle): ItemDefinition {
  return {
    name: str(e.name) ?? '',
    typeRef: str(e.typeRef),
    isCollection: e.isCollection === true,
    allowedValues: obj(e.allowedValues) ? text(e.allowedValues) : undefined,
    components: arr(e.itemComponent).map(itemDefinition),
    ...(obj(e.functionItem)
      ? {
          functionItem: {
            parameters: arr((e.functionItem as Moddle).parameters).map((p) => ({ name: str(p.name) ?? '', typeRef: str(p.typeRef) })),
            outputTypeRef: str((e.functionItem as Moddle).outputTypeRef),
          },
        }
      : {}),
  };
}

function decisionTable(e: Moddle, name: string): DecisionTableDefinition {
  const outputs = arr(e.output);
  return {
    name,
    hitPolicy: (str(e.hitPolicy) ?? 'UNIQUE').replace('_', ' ') as HitPolicy,
    aggregation: str(e.aggregation) as Aggregation | undefined,
    inputs: arr(e.input).map((i) => ({
      expression: text(i.inputExpression),
      label: str(i.label),
      inputValues: obj(i.inputValues) ? text(i.inputValues) : undefined,
      typeRef: str(obj(i.inputExpression)?.typeRef),
    })),
    outputs: outputs.map((o) => ({
      name: str(o.name) ?? '',
      outputValues: obj(o.outputValues) ? text(o.outputValues) : undefined,
      typeRef: str(o.typeRef),
      defaultOutput: obj(o.defaultOutputEntry) ? text(o.defaultOutputEntry) : undefined,
    })),
    rules: arr(e.rule).map((r) => ({
      id: str(r.id),
      inputEntries: arr(r.inputEntry).map((x) => str(x.text) ?? '-'),
      outputEntries: arr(r.outputEntry).map((x) => str(x.text) ?? 'null'),
    })),
  };
}

function boxed(e: Moddle | undefined, name: string): BoxedExpression | null {
  if (!e) return null;
  const typeRef = str(e.typeRef);
  switch (e.$type) {
    case 'dmn:LiteralExpression':
      return { kind: 'literal', text: str(e.text) ?? '', typeRef };
    case 'dmn:Context':
      return {
        kind: 'context',
        typeRef,
        entries: arr(e.contextEntry).map((ce) => {
          const v = obj(ce.variable);
          return {
            name: v ? (str(v.name) ?? null) : null,
            typeRef: v ? str(v.typeRef) : undefined,
            value: boxed(obj(ce.value), str(v?.name) ?? name) ?? { kind: 'literal', text: 'null' },
          };
        }),
      };
    case 'dmn:List':
      return { kind: 'list', typeRef, items: arr(e.elements).map((x) => boxed(x, name) ?? { kind: 'literal', text: 'null' }) };
    case 'dmn:Relation':
      return {
        kind: 'relation',
        typeRef,
        columns: arr(e.column).map((c) => str(c.name) ?? ''),
        rows: arr(e.row).map((row) => arr(row.elements).map((x) => boxed(x, name) ?? { kind: 'literal', text: 'null' })),
      };
    case 'dmn:Invocation':
      return {
        kind: 'invocation',
        typeRef,
        function: str(obj(e.calledFunction)?.text) ?? text(e.calledFunction),
        bindings: arr(e.binding).map((b) => ({ name: str(obj(b.parameter)?.name) ?? '', value: boxed(obj(b.bindingFormula), name) })),
      };
    case 'dmn:FunctionDefinition':
      return {
        kind: 'function',
        typeRef,
        functionKind: str(e.kind) ?? 'FEEL',
        params: arr(e.formalParameter).map((p) => ({ name: str(p.name) ?? '', typeRef: str(p.typeRef) })),
        body: boxed(obj(e.body), name),
      };
    case 'dmn:DecisionTable':
      return { kind: 'table', typeRef, table: decisionTable(e, name) };
    default:
      throw new RuleError('unsupported_expression', `${name}: boxed expression ${e.$type.replace('dmn:', '')} is not supported`, name);
  }
}

/** Reads DMN XML (1.1 to 1.5) into a model; refuses DTDs, so no entity expansion can happen. */
export async function importDmn(xml: string): Promise<DmnModel> {
  if (xml.length > MAX_XML_BYTES) throw new RuleError('dmn_too_large', `the DMN document is ${xml.length} bytes; the limit is ${MAX_XML_BYTES}`);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new RuleError('dmn_doctype', 'DMN documents may not contain a DOCTYPE or entity declarations; remove them');
  let root: Moddle;
  try {
    // Loaded with the first DMN file, not by every server and command.
    const Moddle: typeof DmnModdle = (await import('dmn-moddle')).DmnModdle;
    const result = await new Moddle().fromXML(desugarBoxed15(normaliseNamespaces(xml)), 'dmn:Definitions');
    root = result.rootElement as unknown as Moddle;
  } catch (err) {
    // The parser quotes the offending text, which may be megabytes of garbage; keep the gist.
    const first = (err as Error).message.split('\n')[0]!.replace(/[\u0000-\u001f\ufffd]/g, '?');
    throw new RuleError('dmn_xml', `the DMN document could not be read: ${first.length > 200 ? `${first.slice(0, 200)}…` : first}`);
  }
  if (root?.$type !== 'dmn:Definitions') throw new RuleError('dmn_xml', 'the document is not DMN: its root must be <definitions>');

  const byId = new Map<string, string>();
  const elements = arr(root.drgElement);
  for (const e of elements) if (str(e.id)) byId.set(str(e.id)!, str(e.name) ?? '');
  const nameOf = (ref: unknown) => {
    const id = hrefId(ref);
    return id ? (byId.get(id) ?? id) : undefined;
  };
  const names = new Set<string>();
  const collect = (v: unknown, depth = 0): void => {
    if (depth > 60 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) collect(x, depth + 1);
      return;
    }
    const m = v as Moddle;
    if (typeof m.name === 'string' && m.name) names.add(m.name);
    for (const [k, x] of Object.entries(m)) if (!k.startsWith('$') && k !== 'di' && k !== 'dmnDI') collect(x, depth + 1);
  };
  collect(root);

  const model: DmnModel = {
    name: str(root.name) ?? '',
    namespace: str(root.namespace) ?? '',
    decisions: new Map(),
    inputData: new Map(),
    bkms: new Map(),
    services: new Map(),
    itemDefinitions: new Map(arr(root.itemDefinition).map((i) => [str(i.name) ?? '', itemDefinition(i)])),
    imports: arr(root.import).map((i) => ({ name: str(i.name) ?? '', namespace: str(i.namespace) ?? '' })),
    names: [...names],
  };
  for (const e of elements) {
    const name = str(e.name) ?? '';
    const id = str(e.id) ?? name;
    const variable = obj(e.variable);
    switch (e.$type) {
      case 'dmn:Decision': {
        const info = arr(e.informationRequirement);
        model.decisions.set(name, {
          id,
          name,
          typeRef: str(variable?.typeRef),
          logic: boxed(obj(e.decisionLogic), name),
          requiredDecisions: info.map((r) => nameOf(r.requiredDecision)).filter((x): x is string => !!x),
          requiredInputs: info.map((r) => nameOf(r.requiredInput)).filter((x): x is string => !!x),
          requiredKnowledge: arr(e.knowledgeRequirement)
            .map((r) => nameOf(r.requiredKnowledge))
            .filter((x): x is string => !!x),
        });
        break;
      }
      case 'dmn:InputData':
        model.inputData.set(name, { id, name, typeRef: str(variable?.typeRef) });
        break;
      case 'dmn:BusinessKnowledgeModel':
        model.bkms.set(name, {
          id,
          name,
          typeRef: str(variable?.typeRef),
          logic: boxed(obj(e.encapsulatedLogic), name),
          requiredKnowledge: arr(e.knowledgeRequirement)
            .map((r) => nameOf(r.requiredKnowledge))
            .filter((x): x is string => !!x),
        });
        break;
      case 'dmn:DecisionService': {
        const refs = (k: string) =>
          arr(e[k])
            .map((r) => nameOf(r))
            .filter((x): x is string => !!x);
        model.services.set(name, {
          id,
          name,
          typeRef: str(variable?.typeRef),
          outputDecisions: refs('outputDecision'),
          encapsulatedDecisions: refs('encapsulatedDecision'),
          inputDecisions: refs('inputDecision'),
          inputData: refs('inputData'),
        });
        break;
      }
    }
  }
  return model;
}
