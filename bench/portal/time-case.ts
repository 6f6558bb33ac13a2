// Latency of one case: warm-up calls first (buffer pool, prepared plans, JIT), then N timed calls
// one after another, never overlapping, so each figure is one page's data access on an idle pool.

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

export async function timeCase(run: () => Promise<unknown>, warmup: number, iterations: number): Promise<CaseTiming> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}
