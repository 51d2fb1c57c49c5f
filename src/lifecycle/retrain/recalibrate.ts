import { Booster, type Frame } from '../../models/index.ts';

/** The champion's trees with a new intercept fitted (Newton's method on log loss) on recent rows: its ranking kept, its level moved to today's. */
export function recalibrated(champion: Booster, frame: Frame, y: ArrayLike<number>): Booster {
  const margins = champion.margins(frame);
  let shift = 0;
  for (let k = 0; k < 50; k++) {
    let g = 0;
    let h = 0;
    for (let i = 0; i < margins.length; i++) {
      const p = 1 / (1 + Math.exp(-(margins[i]! + shift)));
      g += y[i]! - p;
      h += p * (1 - p);
    }
    const step = g / Math.max(h, 1e-9);
    shift += step;
    if (Math.abs(step) < 1e-10) break;
  }
  return new Booster(champion.features, champion.trees, champion.baseMargin + shift, champion.params, champion.log);
}
