import { index, mysqlEnum, mysqlTable, primaryKey, varchar } from "drizzle-orm/mysql-core";
import { bytes, createdAt, id, ref, time } from "./columns";

export const serverStatuses = ["online", "draining", "offline"] as const;

/** Backup server daemons; each registers itself and heartbeats. */
export const backupServers = mysqlTable("backup_servers", {
  id: id(),
  name: varchar("name", { length: 64 }).notNull().unique(),
  url: varchar("url", { length: 255 }).notNull(),
  status: mysqlEnum("status", serverStatuses).notNull().default("offline"),
  version: varchar("version", { length: 32 }),
  lastHeartbeatAt: time("last_heartbeat_at"),
  createdAt: createdAt(),
});

export const deviceStatuses = ["active", "read_only", "retired"] as const;

/** Storage devices: directories (local disks, NFS mounts) holding account repositories. */
export const storageDevices = mysqlTable("storage_devices", {
  id: id(),
  name: varchar("name", { length: 64 }).notNull().unique(),
  path: varchar("path", { length: 512 }).notNull(),
  capacityBytes: bytes("capacity_bytes").notNull(),
  usedBytes: bytes("used_bytes").notNull().default(0),
  status: mysqlEnum("status", deviceStatuses).notNull().default("active"),
  createdAt: createdAt(),
});

/** Which servers mount which devices (scheme 2: some; scheme 3: all). */
export const serverDevices = mysqlTable(
  "server_devices",
  {
    serverId: ref("server_id").notNull().references(() => backupServers.id),
    deviceId: ref("device_id").notNull().references(() => storageDevices.id),
    mountPath: varchar("mount_path", { length: 512 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.serverId, t.deviceId] }), index("server_devices_device_idx").on(t.deviceId)],
);

export type BackupServer = typeof backupServers.$inferSelect;
export type StorageDevice = typeof storageDevices.$inferSelect;
export type ServerDevice = typeof serverDevices.$inferSelect;
