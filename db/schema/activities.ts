import { index, int, mysqlEnum, mysqlTable, text, uniqueIndex, varchar } from "drizzle-orm/mysql-core";
import { backupAccounts } from "./accounts";
import { bytes, id, ref, time } from "./columns";
import { backupServers } from "./infrastructure";

export const activityKinds = ["backup", "restore", "check", "prune", "repair"] as const;
export const activityStatuses = ["success", "warning", "failed", "interrupted", "running"] as const;
export type ActivityKind = (typeof activityKinds)[number];
export type ActivityStatus = (typeof activityStatuses)[number];

/** One backup, restore, check or prune run of one account. */
export const activities = mysqlTable(
  "activities",
  {
    id: id(),
    accountId: ref("account_id")
      .notNull()
      .references(() => backupAccounts.id),
    // Denormalised from the account so a reseller's failures in a time range need no join.
    resellerId: ref("reseller_id").notNull(),
    serverId: ref("server_id").references(() => backupServers.id),
    kind: mysqlEnum("kind", activityKinds).notNull(),
    status: mysqlEnum("status", activityStatuses).notNull(),
    startedAt: time("started_at").notNull(),
    endedAt: time("ended_at"),
    filesCount: int("files_count", { unsigned: true }).notNull().default(0),
    bytesScanned: bytes("bytes_scanned").notNull().default(0),
    bytesNew: bytes("bytes_new").notNull().default(0),
    bytesStored: bytes("bytes_stored").notNull().default(0),
    errorCount: int("error_count", { unsigned: true }).notNull().default(0),
    warningCount: int("warning_count", { unsigned: true }).notNull().default(0),
    clientHost: varchar("client_host", { length: 255 }),
    clientVersion: varchar("client_version", { length: 32 }),
    snapshotId: varchar("snapshot_id", { length: 64 }),
    // One line for lists: the first error, or why the run ended as it did.
    summary: varchar("summary", { length: 500 }),
    // Set by the daemon's outbox so a replayed activity is stored exactly once.
    idempotencyKey: varchar("idempotency_key", { length: 64 }).notNull(),
  },
  (t) => [
    uniqueIndex("activities_idempotency_key_uq").on(t.idempotencyKey),
    index("activities_account_started_idx").on(t.accountId, t.startedAt),
    // Account health (lib/dal/health): the latest finished backup and the latest successful one are
    // one backwards walk of this index each, covering (status is in it), so no row is read.
    index("activities_account_kind_started_idx").on(t.accountId, t.kind, t.startedAt, t.status),
    index("activities_reseller_status_started_idx").on(t.resellerId, t.status, t.startedAt),
    index("activities_reseller_started_idx").on(t.resellerId, t.startedAt),
    index("activities_status_started_idx").on(t.status, t.startedAt),
    // An admin's unfiltered activity list: newest first across every tenant, keyset on (started_at, id).
    index("activities_started_idx").on(t.startedAt),
    // Also a FULLTEXT index activities_summary_ft (summary), created by the custom migration 0005
    // (drizzle-kit cannot express it): the activity search's words in summaries over long ranges
    // without reading every row of the range (bench:portal: seconds for a rare word over 30 days).
  ],
);

export const entryLevels = ["info", "warning", "error"] as const;
export type EntryLevel = (typeof entryLevels)[number];

/**
 * The lines of an activity's log: skipped files, read errors, warnings, the summary. Also carries a
 * FULLTEXT index activity_entries_text_ft (message, path) for the activity search, created by the
 * custom migration 0004 because drizzle-kit cannot express it.
 */
export const activityEntries = mysqlTable(
  "activity_entries",
  {
    id: id(),
    activityId: ref("activity_id")
      .notNull()
      .references(() => activities.id, { onDelete: "cascade" }),
    level: mysqlEnum("level", entryLevels).notNull(),
    at: time("at").notNull(),
    path: varchar("path", { length: 1024 }),
    message: text("message").notNull(),
  },
  (t) => [index("activity_entries_activity_idx").on(t.activityId, t.id), index("activity_entries_activity_level_idx").on(t.activityId, t.level, t.id)],
);

/** Snapshots committed to an account's repository (an index; the device is the source of truth). */
export const snapshots = mysqlTable(
  "snapshots",
  {
    id: id(),
    accountId: ref("account_id")
      .notNull()
      .references(() => backupAccounts.id),
    snapshotId: varchar("snapshot_id", { length: 64 }).notNull(),
    takenAt: time("taken_at").notNull(),
    host: varchar("host", { length: 255 }),
    paths: text("paths").notNull(),
    filesCount: int("files_count", { unsigned: true }).notNull().default(0),
    bytesTotal: bytes("bytes_total").notNull().default(0),
    bytesAdded: bytes("bytes_added").notNull().default(0),
    activityId: ref("activity_id").references(() => activities.id),
  },
  (t) => [uniqueIndex("snapshots_account_snapshot_uq").on(t.accountId, t.snapshotId), index("snapshots_account_taken_idx").on(t.accountId, t.takenAt)],
);

export type Activity = typeof activities.$inferSelect;
export type NewActivity = typeof activities.$inferInsert;
export type ActivityEntry = typeof activityEntries.$inferSelect;
export type NewActivityEntry = typeof activityEntries.$inferInsert;
export type Snapshot = typeof snapshots.$inferSelect;
