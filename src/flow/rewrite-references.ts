/** What each reference to something outside the flow becomes, keyed by the reference as written. */
export interface ReferenceMap {
  /** "id@version" of a stored model → its new "id@version". */
  models: Record<string, string>;
  connectors: Record<string, string>;
  /** "id@version" of a stored DMN model → its new "id@version". */
  dmnModels: Record<string, string>;
  /** A subflow by "id@version" (or "id@latest" when unpinned) → the version it becomes, pinned. */
  subflows: Record<string, number>;
}

/**
 * A copy of a flow definition whose references are replaced as mapped: what an installation
 * does when it takes in a flow whose models, connectors, DMN models and subflows got other
 * version numbers here. References not in the map stay as written.
 */
export function rewriteReferences(definition: unknown, map: ReferenceMap): unknown {
  const def = structuredClone(definition) as { nodes?: unknown };
  if (!Array.isArray(def.nodes)) return def;
  for (const node of def.nodes as Record<string, unknown>[]) {
    if (!node || typeof node !== 'object') continue;
    if (node.kind === 'score' && typeof node.model === 'string' && map.models[node.model]) node.model = map.models[node.model];
    if (node.kind === 'bureau' && typeof node.connector === 'string' && map.connectors[node.connector]) node.connector = map.connectors[node.connector];
    const dmn = node.dmn as { model?: unknown } | undefined;
    if (node.kind === 'table' && dmn && typeof dmn.model === 'string' && map.dmnModels[dmn.model]) node.dmn = { ...dmn, model: map.dmnModels[dmn.model] };
    if (node.kind === 'subflow' && typeof node.flow === 'string') {
      const to = map.subflows[`${node.flow}@${typeof node.version === 'number' ? node.version : 'latest'}`];
      if (to !== undefined) node.version = to;
    }
  }
  return def;
}
