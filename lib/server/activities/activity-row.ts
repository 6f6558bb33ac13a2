import { createHash } from "node:crypto";
import type { ActivityEntry, ActivityRecord } from "../../core/activity/activity";
import type { NewActivity, NewActivityEntry } from "../../../db/schema";
import { InvalidActivityError } from "./activity-errors";
import { truncateBytes, truncateChars } from "./truncate";

/** Column sizes of db/schema/activities.ts. */
const HOST = 255;
const VERSION = 32;
const SNAPSHOT = 64;
const SUMMARY = 500;
const KEY = 64;
const PATH = 1024;
const MESSAGE_BYTES = 65_535;
const MAX_UNSIGNED_INT = 4_294_967_295;

/**
 * The idempotency key is the record id. Ids we generate are 32 hex characters; a longer one is
 * hashed (64 hex) rather than cut, because two ids sharing a 64-character prefix must not merge.
 */
export function idempotencyKeyOf(record: Pick<ActivityRecord, "id">): string {
  return record.id.length <= KEY ? record.id : createHash("sha256").update(record.id).digest("hex");
}

/** DATETIME holds years 1000-9999; anything else is a broken record, not a retryable one. */
export function parseTime(value: string, field: string): Date {
  const date = new Date(value);
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1000 || year > 9999) {
    throw new InvalidActivityError(`activity ${field} is not a valid time: ${JSON.stringify(String(value).slice(0, 40))}`);
  }
  return date;
}

/** Figures from a buggy or hostile client must not fail the insert: whole, non-negative, in range. */
const count = (value: number, max = Number.MAX_SAFE_INTEGER) => (Number.isFinite(value) ? Math.min(max, Math.max(0, Math.round(value))) : 0);

export type ActivityColumns = Omit<NewActivity, "accountId" | "resellerId" | "serverId">;

export function toActivityColumns(record: ActivityRecord): ActivityColumns {
  return {
    idempotencyKey: idempotencyKeyOf(record),
    kind: record.kind,
    status: record.status,
    startedAt: parseTime(record.startedAt, "start"),
    endedAt: parseTime(record.endedAt, "end"),
    filesCount: count(record.figures.files, MAX_UNSIGNED_INT),
    bytesScanned: count(record.figures.bytesScanned),
    bytesNew: count(record.figures.bytesNew),
    bytesStored: count(record.figures.bytesStored),
    errorCount: count(record.errorCount, MAX_UNSIGNED_INT),
    warningCount: count(record.warningCount, MAX_UNSIGNED_INT),
    clientHost: record.host === null ? null : truncateChars(record.host, HOST),
    clientVersion: record.clientVersion === null ? null : truncateChars(record.clientVersion, VERSION),
    snapshotId: record.snapshotId === null ? null : truncateChars(record.snapshotId, SNAPSHOT),
    summary: record.summary === null ? null : truncateChars(record.summary, SUMMARY),
  };
}

/** One log line; a line with a broken time keeps the activity's start rather than failing it all. */
export function toEntryRow(activityId: number, entry: ActivityEntry, fallbackAt: Date): NewActivityEntry {
  let at = fallbackAt;
  try {
    at = parseTime(entry.at, "entry time");
  } catch {
    // keep fallbackAt
  }
  return {
    activityId,
    level: entry.level,
    at,
    path: entry.path === null ? null : truncateChars(entry.path, PATH),
    message: truncateBytes(entry.message, MESSAGE_BYTES),
  };
}
