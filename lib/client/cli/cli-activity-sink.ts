import { activityLogKey, type ActivityRecord, type ActivitySink } from "../../core/activity";
import type { StorageDriver } from "../../core/storage/driver";
import type { Output } from "./output";
import { createProgressReporter } from "./progress-reporter";

export interface CliActivitySink extends ActivitySink {
  /** Set once the repository is open: only then is the record written into its `logs/`. */
  logTo(driver: StorageDriver): void;
  readonly record: ActivityRecord | null;
}

/**
 * The CLI's side of the activity port: entries and progress are printed as they happen; the
 * finished record is written to `logs/<time>-<kind>-<id>.json` in the repository (plain JSON: the
 * server without the key shows these logs in the portal) and, with --json, printed as one line.
 * A log that cannot be written (full device) is a warning, never a second failure.
 */
export function createCliActivitySink(output: Output): CliActivitySink {
  let driver: StorageDriver | null = null;
  let record: ActivityRecord | null = null;
  const progress = createProgressReporter(output);
  return {
    get record() {
      return record;
    },
    logTo(d) {
      driver = d;
    },
    start() {},
    entry(entry) {
      output.entry(entry);
    },
    progress,
    async finish(finished) {
      record = finished;
      output.clearStatus();
      if (driver) {
        const key = activityLogKey(finished);
        try {
          await driver.write(key, Buffer.from(`${JSON.stringify(finished, null, 2)}\n`));
        } catch (error) {
          output.warn(`could not write the activity log ${key}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      const { entries: _entries, ...withoutEntries } = finished;
      output.object({ message_type: "activity", ...withoutEntries });
    },
  };
}
