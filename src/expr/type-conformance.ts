import type { Node, TypeRef } from './ast.ts';
import type { TypeResolver } from './env.ts';
import { dateToUtcDateTime } from './arithmetic.ts';
import { FeelDate } from './temporal.ts';
import { FeelFunction, FeelRange, isContext, typeName, type FeelValue } from './values.ts';

/**
 * FEEL's type lattice (DMN 1.5 10.3.2.9): which types are known, conformance between types and
 * of values to types, and the type a function literal's body gives by its text. `instance of`
 * and typed parameters are decided here.
 */
const PRIMITIVE_TYPES = new Set(['number', 'string', 'boolean', 'date', 'time', 'date and time', 'days and time duration', 'years and months duration']);
const TYPE_ALIASES: Record<string, string> = {
  dateTime: 'date and time',
  dayTimeDuration: 'days and time duration',
  yearMonthDuration: 'years and months duration',
};

/** A model's type name in place of its definition, once (a definition may name another). */
function resolved(type: TypeRef, types: TypeResolver | undefined, depth = 0): TypeRef {
  if (type.kind !== 'named' || !types || depth > 16 || type.name === 'Any' || type.name === 'Null' || PRIMITIVE_TYPES.has(TYPE_ALIASES[type.name] ?? type.name))
    return type;
  const defined = types(type.name);
  return defined ? resolved(defined, types, depth + 1) : type;
}

/** Is a type one the FEEL lattice knows (10.3.2.9)? `list` and the like need parameters. */
function knownType(type: TypeRef, types: TypeResolver | undefined): boolean {
  const t = resolved(type, types);
  switch (t.kind) {
    case 'named':
      return t.name === 'Any' || t.name === 'Null' || PRIMITIVE_TYPES.has(TYPE_ALIASES[t.name] ?? t.name);
    case 'list':
    case 'range':
      return knownType(t.item, types);
    case 'context':
      return t.entries.every((e) => knownType(e.type, types));
    case 'function':
      return t.params.every((p) => knownType(p, types)) && knownType(t.result, types);
  }
}

export const ANY_TYPE: TypeRef = { kind: 'named', name: 'Any' };

/** Type conformance between types (T <: S, 10.3.2.9.2). */
function typeConforms(t: TypeRef, s: TypeRef): boolean {
  if (s.kind === 'named' && s.name === 'Any') return true;
  if (t.kind === 'named' && t.name === 'Null') return true;
  if (t.kind === 'named' && s.kind === 'named') return (TYPE_ALIASES[t.name] ?? t.name) === (TYPE_ALIASES[s.name] ?? s.name);
  if ((t.kind === 'list' && s.kind === 'list') || (t.kind === 'range' && s.kind === 'range')) return typeConforms(t.item, s.item);
  if (t.kind === 'context' && s.kind === 'context') return s.entries.every((e) => t.entries.some((f) => f.name === e.name && typeConforms(f.type, e.type)));
  if (t.kind === 'function' && s.kind === 'function')
    return t.params.length === s.params.length && s.params.every((p, i) => typeConforms(p, t.params[i]!)) && typeConforms(t.result, s.result);
  return false;
}

/**
 * Type conformance of a value (10.3.2.9.2): the value's type conforms to `type`. Inside lists,
 * ranges and contexts a null is of type Null, which conforms to every type.
 */
function conforms(v: FeelValue, declared: TypeRef, nested: boolean, types?: TypeResolver): boolean {
  const type = resolved(declared, types);
  if (v === null) return nested || (type.kind === 'named' && type.name === 'Null');
  switch (type.kind) {
    case 'named': {
      const name = TYPE_ALIASES[type.name] ?? type.name;
      if (name === 'Any') return true;
      return typeName(v) === name;
    }
    case 'list':
      return Array.isArray(v) && v.every((x) => conforms(x, type.item, true, types));
    case 'range':
      return v instanceof FeelRange && [v.start, v.end].every((x) => x === null || conforms(x, type.item, true, types));
    case 'context':
      return isContext(v) && type.entries.every((e) => e.name in v && conforms(v[e.name]!, e.type, true, types));
    case 'function': {
      if (!(v instanceof FeelFunction)) return false;
      // A function literal declares its parameters' types (Any where none is written); they are
      // contravariant: each type asked for must conform to the declared one. Built-ins and
      // models' functions declare none here, so only their arity can be checked.
      if (!v.variadic && v.params.length !== type.params.length) return false;
      if (v.resultType && !typeConforms(v.resultType, resolved(type.result, types))) return false;
      return v.params.every((p, i) => p.typeRef === undefined || typeConforms(resolved(type.params[i]!, types), resolved(p.typeRef, types)));
    }
  }
}

/**
 * The type an expression's text alone gives it (10.3.2.9, table 43): literals, and lists and
 * contexts of them. Null where it depends on what the expression is given.
 */
export function staticType(node: Node): TypeRef | null {
  switch (node.t) {
    case 'num':
      return { kind: 'named', name: 'number' };
    case 'str':
      return { kind: 'named', name: 'string' };
    case 'bool':
      return { kind: 'named', name: 'boolean' };
    case 'null':
      return { kind: 'named', name: 'Null' };
    case 'list': {
      const items = node.items.map(staticType);
      if (items.some((t) => t === null)) return null;
      const first = items[0];
      const same = first !== undefined && first !== null && first.kind === 'named' && items.every((t) => t!.kind === 'named' && t!.name === first.name);
      return { kind: 'list', item: same ? first : ANY_TYPE };
    }
    case 'context': {
      const entries: { name: string; type: TypeRef }[] = [];
      for (const e of node.entries) {
        const t = staticType(e.value);
        if (t === null) return null;
        entries.push({ name: e.key, type: t });
      }
      return { kind: 'context', entries };
    }
    default:
      return null;
  }
}

/** `e instance of T` (table 61): null when T is not a type of the lattice. */
export function instanceOf(v: FeelValue, type: TypeRef, types?: TypeResolver): boolean | null {
  if (!knownType(type, types)) return null;
  return conforms(v, type, false, types);
}

/** Typed parameters and the like: does the value conform to the type (false where it cannot say)? */
export function isInstanceOf(v: FeelValue, type: TypeRef): boolean {
  if (type.kind === 'named' && (type.name === 'list' || type.name === 'context' || type.name === 'range' || type.name === 'function')) {
    return (
      v !== null &&
      (type.name === 'list'
        ? Array.isArray(v)
        : type.name === 'context'
          ? isContext(v)
          : type.name === 'range'
            ? v instanceof FeelRange
            : v instanceof FeelFunction)
    );
  }
  return conforms(v, type, false);
}

/**
 * A value bound where `type` is expected, after the implicit conversions of 10.3.2.9.4: to a
 * singleton list, from a singleton list, from a date to a date and time at UTC midnight; or
 * undefined when the value conforms neither as it is nor converted (the binding is then null).
 */
export function convertTo(v: FeelValue, declared: TypeRef, types?: TypeResolver): FeelValue | undefined {
  if (v === null || isInstanceOf(v, declared)) return v;
  const type = resolved(declared, types);
  if (type.kind === 'named' && (TYPE_ALIASES[type.name] ?? type.name) === 'date and time' && v instanceof FeelDate) return dateToUtcDateTime(v);
  // One level only: a list of a singleton list is not the item inside it.
  if (Array.isArray(v) && v.length === 1 && !Array.isArray(v[0])) {
    const item = convertTo(v[0]!, type, types);
    if (item !== undefined && item !== null) return item;
  }
  if (type.kind === 'list' && !Array.isArray(v)) {
    const item = convertTo(v, type.item, types);
    if (item !== undefined) return [item];
  }
  return undefined;
}

/** A type as FEEL writes it (grammar rule 54), for messages. */
export function typeText(type: TypeRef): string {
  switch (type.kind) {
    case 'named':
      return type.name;
    case 'list':
    case 'range':
      return `${type.kind}<${typeText(type.item)}>`;
    case 'context':
      return `context<${type.entries.map((e) => `${e.name}: ${typeText(e.type)}`).join(', ')}>`;
    case 'function':
      return `function<${type.params.map(typeText).join(', ')}> -> ${typeText(type.result)}`;
  }
}
