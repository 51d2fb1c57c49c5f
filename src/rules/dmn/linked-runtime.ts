import { importLabel, type DmnModel } from './model.ts';
import { RuleError } from '../rule-error.ts';
import { DmnRuntime } from './runtime.ts';

/**
 * A model's runtime with the models it imports linked in, at every depth: a model that imports
 * one that imports another sees the other's decisions and input data under both import names
 * (DMN 1.5 6.3.3: `Model B.Model A.Person name`); one imported without a name is read as part of
 * the importing model. Models are found by namespace among `models`;
 * an import no model answers is an error naming the namespace (or, with `skipMissing`, left out:
 * a TCK folder may import PMML), as is a cycle of named imports.
 */
export function linkedRuntime(model: DmnModel, models: readonly DmnModel[], options: { skipMissing?: boolean } = {}): DmnRuntime {
  const byNamespace = new Map(models.map((m) => [m.namespace, m]));
  const built = new Map<DmnModel, DmnRuntime>();
  const link = (m: DmnModel, path: readonly string[]): DmnRuntime => {
    const done = built.get(m);
    if (done) return done;
    if (path.includes(m.namespace)) throw new RuleError('import_cycle', `models import each other in a cycle: ${[...path, m.namespace].join(' -> ')}`);
    const imports: { name: string; runtime: DmnRuntime }[] = [];
    for (const i of m.imports) {
      // A model imported without a name that is already being read (A imports B imports A) adds
      // nothing: its elements are in scope already.
      if (i.name === '' && (i.namespace === m.namespace || path.includes(i.namespace))) continue;
      const imported = byNamespace.get(i.namespace);
      if (!imported && options.skipMissing) continue;
      if (!imported)
        throw new RuleError(
          'import_missing',
          `"${m.name}" imports ${importLabel(i.name)} from namespace ${i.namespace}, and no model given has that namespace`,
        );
      imports.push({ name: i.name, runtime: link(imported, [...path, m.namespace]) });
    }
    const runtime = DmnRuntime.linked(m, imports);
    built.set(m, runtime);
    return runtime;
  };
  return link(model, []);
}
