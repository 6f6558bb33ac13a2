import fs from "node:fs/promises";
import { walkDevice } from "../../core/storage/local-walk";

/**
 * Bytes an account's repository holds: the sum of its objects' sizes (temp files of uploads in
 * progress are not counted). Measured, not tallied, so it cannot drift from what is on the device;
 * it costs one stat per object (a 1 TB repository has about 60,000 packs).
 */
export async function measureRepository(repositoryRoot: string): Promise<number> {
  let bytes = 0;
  for await (const entry of walkDevice(repositoryRoot, "")) {
    if (entry.kind !== "object") continue;
    // Deleted since it was listed (prune, a lock released): not there, not counted.
    const stats = await fs.lstat(entry.path).catch(() => null);
    if (stats?.isFile()) bytes += stats.size;
  }
  return bytes;
}
