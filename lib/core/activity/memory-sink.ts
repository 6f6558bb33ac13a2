import type { ActivityEntry, ActivityHeader, ActivityRecord } from "./activity";
import type { ActivitySink } from "./activity-sink";

/** Keeps everything in memory: tests, and callers that want the record after the run. */
export interface MemorySink extends ActivitySink {
  readonly started: ActivityHeader[];
  readonly entries: ActivityEntry[];
  readonly records: ActivityRecord[];
}

export function createMemorySink(): MemorySink {
  const started: ActivityHeader[] = [];
  const entries: ActivityEntry[] = [];
  const records: ActivityRecord[] = [];
  return {
    started,
    entries,
    records,
    start: (header) => void started.push(header),
    entry: (entry) => void entries.push(entry),
    finish: (record) => void records.push(record),
  };
}
