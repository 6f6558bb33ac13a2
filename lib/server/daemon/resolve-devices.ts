import fs from "node:fs/promises";
import os from "node:os";
import type { Logger } from "pino";
import type { Database } from "../../../db/client";
import type { MountedDevice } from "../accounts";
import { readDeviceMarker, registerServer } from "../registry";
import type { DaemonConfig } from "./daemon-config";

export const SERVER_VERSION = "0.1.0";

export interface ResolvedDevices {
  /** This server's id in MySQL, or null when it could not register (no database, or MySQL down). */
  serverId: number | null;
  devices: MountedDevice[];
}

/**
 * Which devices the daemon serves, under which ids. With a reachable database: registers the
 * server and its devices (by name) and serves what `registerServer` returns, i.e. the devices
 * whose marker matches. Without one (not configured or unreachable): each device's id comes from
 * its marker file, or from the config's `id` when it has no marker; a device with neither is left
 * out with a warning. The daemon starts either way.
 */
export async function resolveDevices(config: DaemonConfig, db: Database | null, logger: Logger): Promise<ResolvedDevices> {
  if (db) {
    const registered = await registerServer(db, {
      name: config.name,
      url: config.url ?? `https://${os.hostname()}:${config.listen.port}`,
      version: SERVER_VERSION,
      devices: await Promise.all(config.devices.map(async (d) => ({ name: d.name, path: d.path, capacityBytes: await capacityOf(d.path) }))),
    });
    if (registered.ok) {
      for (const problem of registered.problems) logger.error({ device: problem.name, root: problem.root }, `device not served: ${problem.message}`);
      logger.info({ serverId: registered.serverId, devices: registered.devices.map((d) => d.name) }, "registered in MySQL");
      return { serverId: registered.serverId, devices: registered.devices.map((d) => ({ id: d.id, root: d.root })) };
    }
    logger.warn({ err: registered.error }, "MySQL unreachable: serving the devices named by their marker files");
  }
  const devices: MountedDevice[] = [];
  for (const d of config.devices) {
    try {
      const marker = await readDeviceMarker(d.path);
      const id = marker?.id ?? d.id;
      if (id === undefined) logger.error({ device: d.name, root: d.path }, "device not served: no marker file and no id in the config");
      else devices.push({ id, root: d.path });
    } catch (err) {
      logger.error({ err, device: d.name, root: d.path }, "device not served: its marker cannot be read");
    }
  }
  return { serverId: null, devices };
}

async function capacityOf(root: string): Promise<number> {
  try {
    const stats = await fs.statfs(root);
    return stats.blocks * stats.bsize;
  } catch {
    return 0;
  }
}
