import fs from "node:fs/promises";
import path from "node:path";
import type { StorageDriver } from "../storage/driver";
import { createLocalDriver } from "../storage/local-driver";

/**
 * A directory of the daemon's own state (outbox, running-sessions journal) as a local driver, so
 * its files get the storage layer's crash-safe writes. Unlike a storage device root, which is
 * never created (a missing root means an unmounted disk), state directories are created on first
 * start; that is safe because they live on the daemon's system disk, not on a mount.
 */
export async function openStateDirectory(dir: string): Promise<StorageDriver> {
  const resolved = path.resolve(dir);
  await fs.mkdir(resolved, { recursive: true, mode: 0o700 });
  return createLocalDriver(resolved);
}
