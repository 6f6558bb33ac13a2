import fs from "node:fs/promises";
import { isErrno, ioError } from "./local-errors";
import { walkDevice } from "./local-walk";

/**
 * Removes temp files whose last write is at least `olderThanMs` old. A writer that is still
 * streaming keeps touching its temp file's mtime, so only stalled or dead writers are swept; if a
 * slow one is swept anyway, its rename fails and its write() throws: never a partial object.
 * Losing a race with that writer's own cleanup (ENOENT) is not an error and is not counted.
 */
export async function sweepTempFiles(root: string, olderThanMs: number): Promise<number> {
  const cutoff = Date.now() - Math.max(0, olderThanMs);
  let removed = 0;
  for await (const entry of walkDevice(root, "")) {
    if (entry.kind !== "temp") continue;
    try {
      const stats = await fs.lstat(entry.path);
      if (stats.mtimeMs > cutoff) continue;
      await fs.unlink(entry.path);
      removed += 1;
    } catch (err) {
      if (!isErrno(err, "ENOENT")) throw ioError(err, "cannot sweep temp files");
    }
  }
  return removed;
}
