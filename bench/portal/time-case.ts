// Latency of each case: warm-up calls first (buffer pool, JIT), then the timed calls in rounds, one
// call of every case per round, one after another, never overlapping. Interleaved, so a burst of
// other work on the machine lands on every case a little rather than on one case entirely.

export interface CaseTiming {
  samples: number[];
  p50: number;
  p95: number;
}

/** The nearest-rank percentile of ascending samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) throw new Error("percentile of no samples");
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function timeCases(runs: (() => Promise<unknown>)[], warmup: number, iterations: number): Promise<CaseTiming[]> {
  for (const run of runs) for (let i = 0; i < warmup; i++) await run();
  const samples = runs.map(() => [] as number[]);
  for (let i = 0; i < iterations; i++) {
    for (const [c, run] of runs.entries()) {
      const started = performance.now();
      await run();
      samples[c]!.push(performance.now() - started);
    }
  }
  return samples.map((s) => {
    const sorted = [...s].sort((a, b) => a - b);
    return { samples: s, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
  });
}
