import type { CaseTiming } from "./time-case";
import type { PortalCase } from "./portal-cases";

// The table of cases against their targets, and the JSON line's latency keys.

export interface CaseResult {
  case: PortalCase;
  timing: CaseTiming;
}

export const met = (r: CaseResult) => r.timing.p95 < r.case.target;
const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

export function formatResults(results: CaseResult[]): string {
  const width = Math.max(...results.map((r) => r.case.label.length));
  const header = `${"page (data access)".padEnd(width)}  ${"p50 ms".padStart(8)}  ${"p95 ms".padStart(8)}  ${"target".padStart(8)}  result`;
  const rows = results.map(
    (r) => `${r.case.label.padEnd(width)}  ${ms(r.timing.p50).padStart(8)}  ${ms(r.timing.p95).padStart(8)}  ${`< ${r.case.target}`.padStart(8)}  ${met(r) ? "met" : "NOT MET"}`,
  );
  return [header, "-".repeat(header.length), ...rows].join("\n");
}

export function latencyKeys(results: CaseResult[]): Record<string, number> {
  const round = (v: number) => Math.round(v * 10) / 10;
  return Object.fromEntries(results.flatMap((r) => [[`${r.case.name}_p50_ms`, round(r.timing.p50)], [`${r.case.name}_p95_ms`, round(r.timing.p95)]]));
}
