import type { DmnModel } from './model.ts';

/**
 * An import whose name is empty puts the imported model's elements in the importing model's own
 * scope, unprefixed (DMN 1.5 6.3.3), and so do that model's own unnamed imports: the model is
 * read as if those elements were its own. Its own elements win a clash of names. A requirement
 * whose href pointed into the imported model (`#_decision_b`, which the importing document could
 * not resolve to a name) is resolved here.
 */
export function withUnnamedImport(model: DmnModel, imported: DmnModel): DmnModel {
  const nameById = new Map<string, string>();
  for (const elements of [imported.decisions, imported.inputData, imported.bkms, imported.services])
    for (const e of elements.values()) nameById.set(e.id, e.name);
  const ownNames = new Set([...model.decisions.keys(), ...model.inputData.keys(), ...model.bkms.keys(), ...model.services.keys()]);
  const resolve = (refs: readonly string[]) => refs.map((r) => (ownNames.has(r) ? r : (nameById.get(r) ?? r)));
  const decisions = new Map(
    [...model.decisions].map(([name, d]) => [
      name,
      { ...d, requiredDecisions: resolve(d.requiredDecisions), requiredInputs: resolve(d.requiredInputs), requiredKnowledge: resolve(d.requiredKnowledge) },
    ]),
  );
  const bkms = new Map([...model.bkms].map(([name, b]) => [name, { ...b, requiredKnowledge: resolve(b.requiredKnowledge) }]));
  const services = new Map(
    [...model.services].map(([name, s]) => [
      name,
      {
        ...s,
        outputDecisions: resolve(s.outputDecisions),
        encapsulatedDecisions: resolve(s.encapsulatedDecisions),
        inputDecisions: resolve(s.inputDecisions),
        inputData: resolve(s.inputData),
      },
    ]),
  );
  return {
    ...model,
    decisions: new Map([...imported.decisions, ...decisions]),
    inputData: new Map([...imported.inputData, ...model.inputData]),
    bkms: new Map([...imported.bkms, ...bkms]),
    services: new Map([...imported.services, ...services]),
    itemDefinitions: new Map([...imported.itemDefinitions, ...model.itemDefinitions]),
    names: [...new Set([...model.names, ...imported.names])],
    mergedNamespaces: [...(model.mergedNamespaces ?? []), imported.namespace, ...(imported.mergedNamespaces ?? [])],
  };
}
