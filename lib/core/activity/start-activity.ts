import { randomUUID } from "node:crypto";
import type { ActivityEntry, ActivityFigures, ActivityHeader, ActivityKind, ActivityRecord, ActivityStatus, EntryLevel } from "./activity";
import type { ActivityProgress, ActivitySink } from "./activity-sink";

export interface StartActivityOptions {
  host?: string | null;
  clientVersion?: string | null;
  /** Injectable for tests; defaults to the wall clock. */
  now?: () => Date;
  /** Injectable for tests; defaults to a random UUID without dashes. */
  id?: string;
}

export interface FinishDetails {
  snapshotId?: string | null;
  summary?: string | null;
}

/**
 * The handle an operation holds while it runs: it stamps entries with the time, counts warnings
 * and errors, and hands the sink one complete record at the end. `finish` is idempotent so an
 * interrupt handler and the normal path can both call it without writing two records.
 */
export class Activity {
  readonly header: ActivityHeader;
  readonly entries: ActivityEntry[] = [];
  private finished: ActivityRecord | null = null;
  private readonly startedMs: number;

  constructor(
    kind: ActivityKind,
    private readonly sink: ActivitySink,
    private readonly options: StartActivityOptions = {},
  ) {
    const started = this.now();
    this.startedMs = started.getTime();
    this.header = {
      id: options.id ?? randomUUID().replaceAll("-", ""),
      kind,
      startedAt: started.toISOString(),
      host: options.host ?? null,
      clientVersion: options.clientVersion ?? null,
    };
  }

  get warningCount(): number {
    return this.entries.filter((e) => e.level === "warning").length;
  }

  get errorCount(): number {
    return this.entries.filter((e) => e.level === "error").length;
  }

  get record(): ActivityRecord | null {
    return this.finished;
  }

  entry(level: EntryLevel, path: string | null, message: string): void {
    if (this.finished) return;
    const entry: ActivityEntry = { level, at: this.now().toISOString(), path, message };
    this.entries.push(entry);
    this.sink.entry(entry, this.header);
  }

  progress(progress: ActivityProgress): void {
    if (!this.finished) this.sink.progress?.(progress, this.header);
  }

  /** Milliseconds since the start, for figures. */
  elapsedMs(): number {
    return this.now().getTime() - this.startedMs;
  }

  async finish(status: ActivityStatus, figures: Omit<ActivityFigures, "durationMs">, details: FinishDetails = {}): Promise<ActivityRecord> {
    if (this.finished) return this.finished;
    const ended = this.now();
    const firstProblem = this.entries.find((e) => e.level === "error") ?? this.entries.find((e) => e.level === "warning");
    this.finished = {
      ...this.header,
      status,
      endedAt: ended.toISOString(),
      figures: { ...figures, durationMs: ended.getTime() - this.startedMs },
      snapshotId: details.snapshotId ?? null,
      summary: truncate(details.summary ?? (firstProblem ? describe(firstProblem) : null), 500),
      warningCount: this.warningCount,
      errorCount: this.errorCount,
      entries: [...this.entries],
    };
    await this.sink.finish(this.finished);
    return this.finished;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }
}

/** Starts an activity and tells the sink; the caller must `finish` it on every path. */
export async function startActivity(kind: ActivityKind, sink: ActivitySink, options?: StartActivityOptions): Promise<Activity> {
  const activity = new Activity(kind, sink, options);
  await sink.start(activity.header);
  return activity;
}

function describe(entry: ActivityEntry): string {
  return entry.path ? `${entry.path}: ${entry.message}` : entry.message;
}

// The database column is varchar(500); cut here so every sink stores the same line.
function truncate(text: string | null, max: number): string | null {
  if (text === null || text.length <= max) return text;
  return `${text.slice(0, max - 1)}…`;
}

/** dedupRatio as defined on ActivityFigures: the share of scanned bytes already stored. */
export function dedupRatio(bytesScanned: number, bytesNew: number): number {
  if (bytesScanned <= 0) return 0;
  return Math.max(0, Math.min(1, (bytesScanned - bytesNew) / bytesScanned));
}
