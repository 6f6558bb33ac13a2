import { double, int, mysqlTable, primaryKey } from "drizzle-orm/mysql-core";
import { backupAccounts } from "./accounts";
import { bytes, ref, time } from "./columns";
import { backupServers, storageDevices } from "./infrastructure";

/** A server's load, sampled by the daemon every minute. */
export const serverLoadSamples = mysqlTable(
  "server_load_samples",
  {
    serverId: ref("server_id")
      .notNull()
      .references(() => backupServers.id),
    at: time("at").notNull(),
    cpuPercent: double("cpu_percent").notNull(),
    memoryBytes: bytes("memory_bytes").notNull(),
    sessions: int("sessions", { unsigned: true }).notNull(),
    bytesIn: bytes("bytes_in").notNull(),
    bytesOut: bytes("bytes_out").notNull(),
  },
  (t) => [primaryKey({ columns: [t.serverId, t.at] })],
);

/** A storage device's usage over time, for the forecast. */
export const deviceUsageSamples = mysqlTable(
  "device_usage_samples",
  {
    deviceId: ref("device_id")
      .notNull()
      .references(() => storageDevices.id),
    at: time("at").notNull(),
    usedBytes: bytes("used_bytes").notNull(),
    capacityBytes: bytes("capacity_bytes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.deviceId, t.at] })],
);

/** An account's stored bytes over time. */
export const accountUsageSamples = mysqlTable(
  "account_usage_samples",
  {
    accountId: ref("account_id")
      .notNull()
      .references(() => backupAccounts.id),
    at: time("at").notNull(),
    usedBytes: bytes("used_bytes").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.at] })],
);

export type ServerLoadSample = typeof serverLoadSamples.$inferSelect;
export type DeviceUsageSample = typeof deviceUsageSamples.$inferSelect;
export type AccountUsageSample = typeof accountUsageSamples.$inferSelect;
