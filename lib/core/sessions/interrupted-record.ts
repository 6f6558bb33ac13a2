import { emptyFigures, type ActivityHeader, type ActivityRecord } from "../activity/activity";

/**
 * The record of a session the daemon was running when it died. Its id is the session's own, so
 * if the real record did reach the outbox before the crash (the journal was not cleared yet), the
 * database keeps whichever arrives first (the real one: the outbox is replayed in order) and the
 * other is a harmless duplicate. No snapshot is claimed: without the final record we cannot know
 * one was committed, and a snapshot that exists is still listed from the device.
 */
export function interruptedRecord(header: ActivityHeader, now: Date): ActivityRecord {
  const startedMs = Date.parse(header.startedAt);
  const endedMs = Number.isNaN(startedMs) ? now.getTime() : Math.max(now.getTime(), startedMs);
  const endedAt = new Date(endedMs).toISOString();
  const message = `The backup server stopped while this ${header.kind} was running, so it did not complete.`;
  return {
    ...header,
    status: "interrupted",
    endedAt,
    // Progress is not journaled, so the figures of the lost run are unknown, not zero work done.
    figures: { ...emptyFigures(), durationMs: Number.isNaN(startedMs) ? 0 : endedMs - startedMs },
    snapshotId: null,
    summary: message,
    warningCount: 0,
    errorCount: 1,
    entries: [{ level: "error", at: endedAt, path: null, message }],
  };
}
