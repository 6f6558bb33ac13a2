import { and, eq, notInArray } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { isDatabaseUnavailable } from "../../../db/errors";
import { backupServers, serverDevices, storageDevices } from "../../../db/schema/infrastructure";
import { claimDeviceMarker, type MarkerProblem } from "./claim-device-marker";

export interface ServerRegistration {
  name: string;
  url: string;
  version: string;
  devices: { name: string; path: string; capacityBytes: number }[];
}

export interface RegisteredDevice {
  id: number;
  name: string;
  root: string;
}

export type RegisterResult =
  | { ok: true; serverId: number; devices: RegisteredDevice[]; problems: MarkerProblem[] }
  | { ok: false; reason: "database_unavailable"; error: unknown };

/**
 * Upserts this server, its devices and which devices it mounts, by name, in one transaction: the
 * daemon calls it at every start, so running it twice changes nothing but the heartbeat time.
 * A device's `path` in storage_devices is kept from its first registration (other servers may
 * mount it elsewhere: server_devices.mount_path holds each server's own path); its capacity is
 * updated. Mounts this server no longer reports are removed.
 *
 * Then each device's marker file is checked or written. `devices` lists the devices that are safe
 * to serve; a device whose marker names another device, or that cannot be read, is left out and
 * reported in `problems`. An unreachable database is a result, never a throw.
 */
export async function registerServer(db: Database, registration: ServerRegistration, now: () => Date = () => new Date()): Promise<RegisterResult> {
  let serverId: number;
  let registered: RegisteredDevice[];
  try {
    ({ serverId, registered } = await upsertAll(db, registration, now()));
  } catch (err) {
    if (isDatabaseUnavailable(err)) return { ok: false, reason: "database_unavailable", error: err };
    throw err;
  }
  const devices: RegisteredDevice[] = [];
  const problems: MarkerProblem[] = [];
  for (const device of registered) {
    const problem = await claimDeviceMarker(device);
    if (problem) problems.push(problem);
    else devices.push(device);
  }
  return { ok: true, serverId, devices, problems };
}

async function upsertAll(db: Database, r: ServerRegistration, at: Date): Promise<{ serverId: number; registered: RegisteredDevice[] }> {
  return db.transaction(async (tx) => {
    await tx
      .insert(backupServers)
      .values({ name: r.name, url: r.url, version: r.version, status: "online", lastHeartbeatAt: at })
      .onDuplicateKeyUpdate({ set: { url: r.url, version: r.version, status: "online", lastHeartbeatAt: at } });
    const [server] = await tx.select({ id: backupServers.id }).from(backupServers).where(eq(backupServers.name, r.name));
    if (!server) throw new Error(`backup server ${r.name} vanished during registration`);

    const registered: RegisteredDevice[] = [];
    for (const d of r.devices) {
      await tx
        .insert(storageDevices)
        .values({ name: d.name, path: d.path, capacityBytes: d.capacityBytes })
        .onDuplicateKeyUpdate({ set: { capacityBytes: d.capacityBytes } });
      const [device] = await tx.select({ id: storageDevices.id }).from(storageDevices).where(eq(storageDevices.name, d.name));
      if (!device) throw new Error(`storage device ${d.name} vanished during registration`);
      await tx
        .insert(serverDevices)
        .values({ serverId: server.id, deviceId: device.id, mountPath: d.path })
        .onDuplicateKeyUpdate({ set: { mountPath: d.path } });
      registered.push({ id: device.id, name: d.name, root: d.path });
    }
    const kept = registered.map((d) => d.id);
    await tx
      .delete(serverDevices)
      .where(kept.length > 0 ? and(eq(serverDevices.serverId, server.id), notInArray(serverDevices.deviceId, kept)) : eq(serverDevices.serverId, server.id));
    return { serverId: server.id, registered };
  });
}
