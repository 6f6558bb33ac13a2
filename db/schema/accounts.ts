import { index, int, mysqlEnum, mysqlTable, varchar } from "drizzle-orm/mysql-core";
import { bytes, createdAt, id, ref } from "./columns";
import { storageDevices } from "./infrastructure";
import { resellers } from "./resellers";
import { users } from "./users";

export const accountStatuses = ["active", "suspended", "moving"] as const;
export type AccountStatus = (typeof accountStatuses)[number];

/** Backup accounts: what a client authenticates as; one repository on one storage device. */
export const backupAccounts = mysqlTable(
  "backup_accounts",
  {
    id: id(),
    loginName: varchar("login_name", { length: 64 }).notNull().unique(),
    resellerId: ref("reseller_id")
      .notNull()
      .references(() => resellers.id),
    customerUserId: ref("customer_user_id")
      .notNull()
      .references(() => users.id),
    storageDeviceId: ref("storage_device_id")
      .notNull()
      .references(() => storageDevices.id),
    // argon2id PHC string of the backup protocol credential (cached on the device by the daemon).
    passwordHash: varchar("password_hash", { length: 255 }).notNull(),
    quotaBytes: bytes("quota_bytes").notNull(),
    usedBytes: bytes("used_bytes").notNull().default(0),
    status: mysqlEnum("status", accountStatuses).notNull().default("active"),
    // Missed-backup detection: no successful backup within this many hours means "missed". Null: no expectation.
    expectedIntervalHours: int("expected_interval_hours", { unsigned: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("accounts_reseller_idx").on(t.resellerId),
    index("accounts_customer_idx").on(t.customerUserId),
    index("accounts_device_idx").on(t.storageDeviceId),
  ],
);

export type BackupAccount = typeof backupAccounts.$inferSelect;
export type NewBackupAccount = typeof backupAccounts.$inferInsert;
