import { isLeaf } from './gbdt/tree.ts';
import type { ModelImpl } from './model-file.ts';

/**
 * Each feature's share of what the model draws from it: for trees, the cover (training weight)
 * of the splits on it, XGBoost's "cover" importance summed; for a scorecard, its information
 * value. Imported models have no training statistics and get none.
 */
export function featureImportance(m: ModelImpl): Record<string, number> {
  const raw = new Map<string, number>();
  if (m.kind === 'gbdt') {
    const names = m.model.features.map((f) => f.name);
    for (const t of m.model.trees) {
      for (let node = 0; node < t.feature.length; node++) {
        if (isLeaf(t, node)) continue;
        const name = names[t.feature[node]!]!;
        raw.set(name, (raw.get(name) ?? 0) + t.cover[node]!);
      }
    }
  } else if (m.kind === 'scorecard') {
    for (const f of m.model.features) raw.set(f.feature, f.iv);
  }
  const total = [...raw.values()].reduce((s, x) => s + x, 0);
  return Object.fromEntries([...raw].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, total > 0 ? Math.round((v / total) * 1e4) / 1e4 : 0]));
}
