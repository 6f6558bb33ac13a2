/** Nearest-rank percentile of unsorted samples; null when there are none. */
export function percentile(samples: readonly number[], p: number, sorted = [...samples].sort((a, b) => a - b)): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? null;
}

/** p50/p95/p99 in ms, rounded to 0.1 ms. */
export function latencySummary(samples: readonly number[]): { p50: number | null; p95: number | null; p99: number | null } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => {
    const v = percentile(sorted, p, sorted);
    return v === null ? null : Math.round(v * 10) / 10;
  };
  return { p50: at(50), p95: at(95), p99: at(99) };
}
