import { index, json, mysqlEnum, mysqlTable, varchar } from "drizzle-orm/mysql-core";
import { backupAccounts } from "./accounts";
import { bytes, createdAt, id, ref, time } from "./columns";
import { backupServers, storageDevices } from "./infrastructure";
import { users } from "./users";

export const moveJobStates = ["queued", "copying", "freezing", "verifying", "switching", "grace", "done", "failed", "cancelled"] as const;
export type MoveJobState = (typeof moveJobStates)[number];

/** Moving an account between storage devices: a row the admin creates and a daemon carries out. */
export const moveJobs = mysqlTable(
  "move_jobs",
  {
    id: id(),
    accountId: ref("account_id")
      .notNull()
      .references(() => backupAccounts.id),
    fromDeviceId: ref("from_device_id")
      .notNull()
      .references(() => storageDevices.id),
    toDeviceId: ref("to_device_id")
      .notNull()
      .references(() => storageDevices.id),
    state: mysqlEnum("state", moveJobStates).notNull().default("queued"),
    bytesTotal: bytes("bytes_total").notNull().default(0),
    bytesCopied: bytes("bytes_copied").notNull().default(0),
    objectsTotal: bytes("objects_total").notNull().default(0),
    objectsCopied: bytes("objects_copied").notNull().default(0),
    claimedByServerId: ref("claimed_by_server_id").references(() => backupServers.id),
    error: varchar("error", { length: 1000 }),
    createdByUserId: ref("created_by_user_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: time("updated_at"),
    finishedAt: time("finished_at"),
  },
  (t) => [index("move_jobs_state_idx").on(t.state), index("move_jobs_account_idx").on(t.accountId)],
);

/** Who did what, when: every change made through the portal or the admin CLI. */
export const auditEvents = mysqlTable(
  "audit_events",
  {
    id: id(),
    at: time("at").notNull(),
    actorUserId: ref("actor_user_id").references(() => users.id),
    // Scopes the event to a tenant so a reseller can read its own trail.
    resellerId: ref("reseller_id"),
    action: varchar("action", { length: 64 }).notNull(),
    targetType: varchar("target_type", { length: 32 }).notNull(),
    targetId: varchar("target_id", { length: 64 }).notNull(),
    details: json("details"),
    ip: varchar("ip", { length: 45 }),
  },
  (t) => [
    index("audit_events_reseller_at_idx").on(t.resellerId, t.at),
    index("audit_events_target_idx").on(t.targetType, t.targetId),
    index("audit_events_at_idx").on(t.at),
  ],
);

export const loginOutcomes = ["success", "failure", "locked"] as const;
export type LoginOutcome = (typeof loginOutcomes)[number];

/** Every sign-in attempt; failures in the last window drive the throttle. */
export const loginAttempts = mysqlTable(
  "login_attempts",
  {
    id: id(),
    login: varchar("login", { length: 190 }).notNull(),
    ip: varchar("ip", { length: 45 }).notNull(),
    outcome: mysqlEnum("outcome", loginOutcomes).notNull(),
    at: time("at").notNull(),
  },
  (t) => [
    index("login_attempts_login_ip_outcome_at_idx").on(t.login, t.ip, t.outcome, t.at),
    index("login_attempts_ip_outcome_at_idx").on(t.ip, t.outcome, t.at),
    index("login_attempts_login_outcome_at_idx").on(t.login, t.outcome, t.at),
  ],
);

export type MoveJob = typeof moveJobs.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
export type LoginAttempt = typeof loginAttempts.$inferSelect;
