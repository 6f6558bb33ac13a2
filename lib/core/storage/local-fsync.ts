import fs from "node:fs/promises";
import path from "node:path";
import { StorageError } from "./driver";
import { isErrno } from "./local-errors";

/**
 * Makes a directory's entries durable: a rename or a new file is only crash-safe once the
 * directory holding its name has been fsync'd, not just the file.
 */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Creates `dir` and any missing parents below `root`, fsyncing each parent so the new directory
 * survives a power loss. The device root itself is never created: a missing root usually means
 * an unmounted disk, and writing into the bare mount point would fill the system disk instead.
 */
export async function ensureDir(root: string, dir: string): Promise<void> {
  const inside = root.endsWith(path.sep) ? root : root + path.sep;
  if (dir === root || !dir.startsWith(inside)) {
    throw new StorageError("io", "storage device root is missing or not mounted");
  }
  const parent = path.dirname(dir);
  try {
    await fs.mkdir(dir, { mode: 0o700 });
  } catch (err) {
    if (isErrno(err, "ENOENT")) {
      await ensureDir(root, parent);
      return ensureDir(root, dir);
    }
    // EEXIST: a concurrent writer made it, but may not have fsync'd the parent yet; we do below,
    // because our object's durability depends on that entry too.
    if (!isErrno(err, "EEXIST")) throw err;
  }
  await fsyncDir(parent);
}
