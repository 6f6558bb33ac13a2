import type { CheckProblem, CheckProblemKind } from "./types";

const WARNINGS = new Set<CheckProblemKind>(["pack_unindexed"]);

/** Collects problems, one per (kind, object, blob); errors before warnings in the report. */
export class ProblemList {
  private readonly byKey = new Map<string, CheckProblem>();

  add(kind: CheckProblemKind, object: string, message: string, blob?: string): void {
    const key = `${kind} ${object} ${blob ?? ""}`;
    if (this.byKey.has(key)) return;
    this.byKey.set(key, { kind, severity: WARNINGS.has(kind) ? "warning" : "error", object, message, ...(blob ? { blob } : {}) });
  }

  list(): CheckProblem[] {
    const all = [...this.byKey.values()];
    return [...all.filter((p) => p.severity === "error"), ...all.filter((p) => p.severity === "warning")];
  }
}
