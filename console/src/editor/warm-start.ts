import { post } from '../api.ts';
import { loadCatalog } from './catalog.ts';
import type { FlowCheck } from './checks.ts';
import type { Catalog } from './node-form.tsx';
import type { FlowDefinition } from '../types.ts';

/**
 * What the editor needs the moment it opens (the pickers' catalog and the check of the version),
 * asked for while the flow's page is read by someone who may edit, as its layout already is.
 * Each is taken once; the catalog only while fresh, and the editor asks again for a newer one.
 */
const CATALOG_FRESH_MS = 30_000;

let catalog: { at: number; value: Promise<Catalog> } | null = null;
let check: { json: string; value: Promise<FlowCheck> } | null = null;

export function warmEditor(definition: FlowDefinition): void {
  catalog = { at: Date.now(), value: loadCatalog() };
  const value = post<FlowCheck>('/v1/flows/check', { definition });
  value.catch(() => undefined);
  check = { json: JSON.stringify(definition), value };
}

export function takeWarmCatalog(): Promise<Catalog> | null {
  const c = catalog && Date.now() - catalog.at <= CATALOG_FRESH_MS ? catalog.value : null;
  catalog = null;
  return c;
}

/** The check asked for this very definition, if it was. */
export function takeWarmCheck(definition: FlowDefinition): Promise<FlowCheck> | null {
  const c = check && check.json === JSON.stringify(definition) ? check.value : null;
  check = null;
  return c;
}
