// What one round measured for one tool. Missing figures mean the step failed or was skipped.

export type Step = "first" | "incremental" | "restore";

export interface StepFigures {
  seconds: number;
  peakMiB: number | null;
}

export interface ToolRound {
  steps: Partial<Record<Step, StepFigures>>;
  repoFirstBytes?: number;
  repoBytes?: number;
  restoreVerified?: boolean;
  failures: string[];
}

export function median(values: (number | null | undefined)[]): number | null {
  const sorted = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
