import { inArray } from "drizzle-orm";
import { backupServers, serverDevices, storageDevices } from "../schema";
import type { SeedTransaction } from "./batch";
import { DAY, TiB } from "./format";
import type { SeedClock } from "./options";

export interface ServerPlan {
  name: string;
  url: string;
  version: string;
  createdAt: number;
}

export interface DevicePlan {
  name: string;
  path: string;
  /** Indexes into the servers that mount this device (scheme 2; the NFS device is on all of them). */
  mountedBy: number[];
  /** How many accounts land here, relatively. */
  weight: number;
  /** How full the device should be at its fullest, which sets its capacity. */
  targetFill: number;
  createdAt: number;
}

export interface InfrastructurePlan {
  servers: ServerPlan[];
  devices: DevicePlan[];
}

export const serverVersion = "0.1.0";

export function planInfrastructure(clock: SeedClock): InfrastructurePlan {
  const since = (days: number) => clock.firstDay - days * DAY;
  const servers: ServerPlan[] = ["backup-01", "backup-02", "backup-03"].map((name, i) => ({
    name,
    url: `https://${name}.strongroom.demo`,
    version: serverVersion,
    createdAt: since(540 - i * 120),
  }));
  const device = (name: string, mountedBy: number[], weight: number, targetFill: number, age: number): DevicePlan => ({
    name,
    path: `${clock.deviceRoot}/${name}`,
    mountedBy,
    weight,
    targetFill,
    createdAt: since(age),
  });
  return {
    servers,
    devices: [
      device("ssd-01", [0], 0.15, 0.71, 540),
      // The busy one: the admin's forecast should flag it, and one account was moved off it.
      device("hdd-01", [1, 2], 0.35, 0.86, 420),
      device("hdd-02", [2], 0.25, 0.47, 300),
      device("nfs-01", [0, 1, 2], 0.25, 0.63, 500),
    ],
  };
}

/** Whole TiB: about the target fill now, and never past 95% at the device's fullest. */
export function sizeDevice(device: DevicePlan, usedBytes: number, peakUsedBytes: number): number {
  return Math.max(1, Math.ceil(Math.max(usedBytes / device.targetFill, peakUsedBytes / 0.95) / TiB)) * TiB;
}

export interface InfrastructureIds {
  serverIds: number[];
  deviceIds: number[];
}

export async function insertInfrastructure(
  tx: SeedTransaction,
  plan: InfrastructurePlan,
  clock: SeedClock,
  devices: { capacityBytes: number; usedBytes: number }[],
): Promise<InfrastructureIds> {
  await tx.insert(backupServers).values(
    plan.servers.map((server) => ({
      name: server.name,
      url: server.url,
      status: "online" as const,
      version: server.version,
      lastHeartbeatAt: new Date(clock.now),
      createdAt: new Date(server.createdAt),
    })),
  );
  await tx.insert(storageDevices).values(
    plan.devices.map((device, i) => ({
      name: device.name,
      path: device.path,
      capacityBytes: devices[i]?.capacityBytes ?? 0,
      usedBytes: devices[i]?.usedBytes ?? 0,
      status: "active" as const,
      createdAt: new Date(device.createdAt),
    })),
  );
  const serverRows = await tx
    .select({ id: backupServers.id, name: backupServers.name })
    .from(backupServers)
    .where(
      inArray(
        backupServers.name,
        plan.servers.map((s) => s.name),
      ),
    );
  const deviceRows = await tx
    .select({ id: storageDevices.id, name: storageDevices.name })
    .from(storageDevices)
    .where(
      inArray(
        storageDevices.name,
        plan.devices.map((d) => d.name),
      ),
    );
  const serverIds = plan.servers.map((s) => idByName(serverRows, s.name));
  const deviceIds = plan.devices.map((d) => idByName(deviceRows, d.name));
  await tx.insert(serverDevices).values(
    plan.devices.flatMap((device, d) =>
      device.mountedBy.map((s) => ({ serverId: serverIds[s] as number, deviceId: deviceIds[d] as number, mountPath: device.path })),
    ),
  );
  return { serverIds, deviceIds };
}

export function idByName(rows: { id: number; name: string }[], name: string): number {
  const row = rows.find((r) => r.name === name);
  if (!row) throw new Error(`seeded row "${name}" was not found after insert`);
  return row.id;
}
