import { get } from '../api.ts';
import type { FlowSummary } from '../types.ts';
import type { Catalog } from './node-form.tsx';

export const EMPTY_CATALOG: Catalog = { flows: [], models: [], connectors: [], dmnModels: [] };

export async function loadCatalog(): Promise<Catalog> {
  // A role that may not read models or connectors still edits; its pickers are just shorter.
  const quiet = <T>(p: Promise<T>, fallback: T) => p.catch(() => fallback);
  const [flows, models, connectors, dmnModels] = await Promise.all([
    quiet(
      get<{ flows: FlowSummary[] }>('/v1/flows').then((r) => r.flows),
      [],
    ),
    quiet(
      get<{ models: { id: string; latestVersion: number }[] }>('/v1/models').then((r) =>
        r.models.flatMap((m) => Array.from({ length: m.latestVersion }, (_, i) => `${m.id}@${m.latestVersion - i}`)),
      ),
      [],
    ),
    quiet(
      get<{ connectors: { reference: string; definition: { inputs?: object; features?: object; consentScope?: string } }[] }>('/v1/connectors').then((r) =>
        r.connectors.map((c) => ({
          reference: c.reference,
          inputs: Object.keys(c.definition.inputs ?? {}),
          features: Object.keys(c.definition.features ?? {}),
          consentScope: c.definition.consentScope ?? 'credit-bureau',
        })),
      ),
      [],
    ),
    quiet(
      get<{ models: { reference: string; summary: { decisions?: { name: string; logic: string | null }[] } }[] }>('/v1/dmn').then((r) =>
        r.models.map((m) => ({ reference: m.reference, tables: (m.summary.decisions ?? []).filter((d) => d.logic === 'table').map((d) => d.name) })),
      ),
      [],
    ),
  ]);
  return { flows: flows.map((f) => ({ id: f.id, name: f.name, liveVersion: f.liveVersion })), models, connectors, dmnModels };
}
