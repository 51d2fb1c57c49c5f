import { seededRandom } from '../support/seeded-random.ts';

export { seededRandom };

export function shuffle<T extends { length: number; [i: number]: number }>(xs: T, rnd: () => number): T {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    const t = xs[i]!;
    xs[i] = xs[j]!;
    xs[j] = t;
  }
  return xs;
}

/** Row indexes split so that each class keeps its share in both parts. */
export function stratifiedSplit(y: Uint8Array, testFraction: number, seed: number): { train: Int32Array; test: Int32Array } {
  const rnd = seededRandom(seed);
  const train: number[] = [];
  const test: number[] = [];
  for (const cls of [0, 1]) {
    const idx = Int32Array.from({ length: y.length }, (_, i) => i).filter((i) => y[i] === cls);
    shuffle(idx, rnd);
    const nTest = Math.round(idx.length * testFraction);
    idx.forEach((v, k) => (k < nTest ? test : train).push(v));
  }
  return { train: Int32Array.from(train.sort((a, b) => a - b)), test: Int32Array.from(test.sort((a, b) => a - b)) };
}

/** Rows before `cut` train, the rest test: for an out-of-time check. */
export function timeSplit(time: Float64Array, cut: number): { train: Int32Array; test: Int32Array } {
  const train: number[] = [];
  const test: number[] = [];
  time.forEach((t, i) => (t < cut ? train : test).push(i));
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}
