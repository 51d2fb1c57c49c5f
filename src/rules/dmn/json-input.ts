import { jsonToFeel, type FeelContext, type FeelValue } from '../../expr/index.ts';
import { localTypeRef, type DmnModel, type ItemDefinition } from './model.ts';

/**
 * JSON input to FEEL values by the types the model declares. JSON has no dates, so a string
 * becomes a date, time, date and time or duration wherever the declared type (of the input data,
 * of an item definition's component at any depth, of a collection's items) is one of those.
 * Nothing else is guessed: "12" stays a string where a number is declared, and the runtime's
 * conformance check then reports it.
 *
 * Where DMN leaves room, JSON callers get what Drools and Camunda give them: a component the
 * JSON leaves out is null (then checked against its type like any null), a member the type does
 * not declare is kept, and a single value where a collection is declared is a one-item list.
 */
export function dmnValueFromJson(json: unknown, typeRef: string | undefined, model: DmnModel, lookup?: ItemLookup): FeelValue {
  const own = typeRef ? model.itemDefinitions.get(localTypeRef(typeRef)) : undefined;
  const found = own ? { item: own, model } : typeRef ? lookup?.(typeRef) : undefined;
  if (found) return fromItem(json, found.item, found.model);
  return jsonToFeel(json, typeRef ? localTypeRef(typeRef) : undefined);
}

/** Finds a type another model defines, named through an import (`Shared.tApplicant`), with that model. */
export type ItemLookup = (typeRef: string) => { item: ItemDefinition; model: DmnModel } | undefined;

/**
 * The input data of `model` from a JSON object keyed by input data name. The input data of an
 * imported model are given under the import's name, as the model's FEEL names them
 * (`{"Customer": {...}, "Loans": {"Applicant": {...}}}`), and are typed by that model.
 * Other keys are kept, untyped.
 */
export function dmnInputsFromJson(
  json: Record<string, unknown>,
  model: DmnModel,
  /** Per import name, how the imported model reads its inputs (and those of the models it imports in turn). */
  imports: ReadonlyMap<string, (json: Record<string, unknown>) => FeelContext> = new Map(),
  lookup?: ItemLookup,
): FeelContext {
  const inputs: FeelContext = {};
  for (const [name, value] of Object.entries(json)) {
    const imported = model.inputData.has(name) ? undefined : imports.get(name);
    inputs[name] =
      imported && value !== null && typeof value === 'object' && !Array.isArray(value)
        ? imported(value as Record<string, unknown>)
        : dmnValueFromJson(value, model.inputData.get(name)?.typeRef, model, lookup);
  }
  return inputs;
}

function fromItem(json: unknown, item: ItemDefinition, model: DmnModel): FeelValue {
  if (json === null || json === undefined) return null;
  if (item.isCollection) {
    const element: ItemDefinition = { ...item, isCollection: false };
    return (Array.isArray(json) ? json : [json]).map((v) => fromItem(v, element, model));
  }
  if (item.components.length > 0) {
    // Not an object: left as it is, for the conformance check to name what was expected.
    if (typeof json !== 'object' || Array.isArray(json)) return jsonToFeel(json);
    const given = json as Record<string, unknown>;
    const out: FeelContext = {};
    for (const c of item.components) out[c.name] = fromItem(given[c.name] ?? null, c, model);
    for (const [k, v] of Object.entries(given)) if (!(k in out)) out[k] = jsonToFeel(v);
    return out;
  }
  return dmnValueFromJson(json, item.typeRef, model);
}
