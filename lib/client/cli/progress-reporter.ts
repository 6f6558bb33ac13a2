import type { ActivityHeader, ActivityProgress } from "../../core/activity";
import { formatBytes, formatDuration } from "./format";
import type { Output } from "./output";

// A terminal redraw ten times a second looks live; JSON status once a second keeps logs small.
const TTY_INTERVAL_MS = 100;
const JSON_INTERVAL_MS = 1000;

/** Throttled progress: a bar on a TTY (stderr), status objects with --json, nothing otherwise. */
export function createProgressReporter(output: Output, now: () => number = Date.now) {
  let last = 0;
  return (progress: ActivityProgress, header: ActivityHeader) => {
    const t = now();
    const elapsed = t - Date.parse(header.startedAt);
    if (output.json) {
      if (t - last < JSON_INTERVAL_MS) return;
      last = t;
      output.object({ message_type: "status", kind: header.kind, seconds_elapsed: Math.round(elapsed / 1000), ...progress });
      return;
    }
    if (!output.progressOnTty || t - last < TTY_INTERVAL_MS) return;
    last = t;
    output.status(progressLine(progress, elapsed));
  };
}

export function progressLine(p: ActivityProgress, elapsedMs: number): string {
  const parts = [`[${formatDuration(elapsedMs)}]`];
  if (p.bytesTotal) parts.push(`${((100 * p.bytesScanned) / p.bytesTotal).toFixed(1)}%`);
  parts.push(p.filesTotal !== null ? `${p.files}/${p.filesTotal} files` : `${p.files} files`);
  parts.push(p.bytesTotal ? `${formatBytes(p.bytesScanned)} / ${formatBytes(p.bytesTotal)}` : formatBytes(p.bytesScanned));
  if (p.bytesNew > 0) parts.push(`${formatBytes(p.bytesNew)} new`);
  if (p.current) parts.push(p.current);
  return parts.join(" ");
}
