import type { ActivityEntry, ActivityHeader, ActivityRecord } from "./activity";

/** Live counters of a running activity, for progress bars and the daemon's session view. */
export interface ActivityProgress {
  files: number;
  bytesScanned: number;
  bytesNew: number;
  /** Totals when known (restore knows them up front; backup learns them while scanning). */
  filesTotal: number | null;
  bytesTotal: number | null;
  /** The file being worked on, for display only. */
  current: string | null;
}

/**
 * The port through which the core reports an activity. The CLI prints it and writes
 * `logs/<time>-<kind>-<id>.json` into the repository; the daemon stores it in MySQL through its
 * outbox. `entry` and `progress` are synchronous so hot loops never wait on a slow sink: a sink
 * that does I/O buffers and flushes in `finish`, which receives the complete record (every entry
 * included) so a sink can store the run in one transaction.
 */
export interface ActivitySink {
  start(header: ActivityHeader): void | Promise<void>;
  entry(entry: ActivityEntry, header: ActivityHeader): void;
  progress?(progress: ActivityProgress, header: ActivityHeader): void;
  finish(record: ActivityRecord): void | Promise<void>;
}

/** Fans one activity out to several sinks; a sink that throws in `finish` does not stop the rest. */
export function combineSinks(...sinks: ActivitySink[]): ActivitySink {
  return {
    async start(header) {
      for (const sink of sinks) await sink.start(header);
    },
    entry(entry, header) {
      for (const sink of sinks) sink.entry(entry, header);
    },
    progress(progress, header) {
      for (const sink of sinks) sink.progress?.(progress, header);
    },
    async finish(record) {
      const failures: unknown[] = [];
      for (const sink of sinks) {
        try {
          await sink.finish(record);
        } catch (error) {
          failures.push(error);
        }
      }
      if (failures.length === 1) throw failures[0];
      if (failures.length > 1) throw new AggregateError(failures, "several activity sinks failed");
    },
  };
}

/** A sink that drops everything: library callers that do not care about activities. */
export const nullSink: ActivitySink = { start() {}, entry() {}, finish() {} };
