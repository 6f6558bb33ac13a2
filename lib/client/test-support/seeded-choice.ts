/** mulberry32: a tiny seeded PRNG, so the fault suite hits the same write points every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` distinct integers from [min, max] (all of them when the range is smaller), sorted. */
export function seededSample(seed: number, count: number, min: number, max: number): number[] {
  const all = Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => min + i);
  const random = seededRandom(seed);
  for (let i = all.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [all[i], all[j]] = [all[j] as number, all[i] as number];
  }
  return all.slice(0, count).sort((a, b) => a - b);
}
