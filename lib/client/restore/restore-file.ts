import fs from "node:fs/promises";
import path from "node:path";
import type { Repository, TreeNode } from "../../core/repository";
import { throwIfInterrupted } from "../util/interrupted";
import { canChown, mtimeSeconds } from "./node-times";
import { tempNameIn } from "./temp-name";

/**
 * Pack reads (of up to 8 MiB of adjacent blobs) decrypted ahead of the writes, per file being
 * restored: 2 keeps the disk and both cores busy with 4 files in flight; 4 only added memory.
 */
const RUNS_AHEAD = 2;

/**
 * Restores one file into `dir`: the content goes to a temp file (created exclusively, never
 * following a link), each blob decrypted and verified by the repository, the size checked, mode
 * and mtime set, and only then renamed over the final name. A damaged blob throws and the temp
 * file is removed, so wrong or partial bytes never appear under the real name.
 */
export async function restoreFile(repo: Repository, dir: string, node: TreeNode, onBytes: (n: number) => void, signal?: AbortSignal): Promise<void> {
  const temp = tempNameIn(dir);
  const handle = await fs.open(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NOFOLLOW, 0o600);
  let committed = false;
  try {
    let written = 0;
    // Adjacent blobs of a pack come from one read, decrypted and verified ahead of the writes.
    for await (const data of repo.loadBlobs(node.content ?? [], { prefetch: RUNS_AHEAD })) {
      throwIfInterrupted(signal);
      await handle.write(data, 0, data.length, null);
      written += data.length;
      onBytes(data.length);
    }
    if (written !== node.size) throw new Error(`content is ${written} bytes, the snapshot says ${node.size}`);
    if (canChown() && node.uid !== undefined && node.gid !== undefined) await handle.chown(node.uid, node.gid);
    // After chown: chown clears setuid/setgid bits, so the mode goes last.
    await handle.chmod(node.mode);
    const mtime = mtimeSeconds(node);
    await handle.utimes(mtime, mtime);
    await handle.close();
    await fs.rename(temp, path.join(dir, node.name));
    committed = true;
  } finally {
    if (!committed) {
      await handle.close().catch(() => undefined);
      await fs.unlink(temp).catch(() => undefined);
    }
  }
}

/** A symlink is created under a temp name and renamed, so it replaces whatever was there. */
export async function restoreSymlink(dir: string, node: TreeNode): Promise<void> {
  const temp = tempNameIn(dir);
  await fs.symlink(node.linkTarget ?? "", temp);
  try {
    if (canChown() && node.uid !== undefined && node.gid !== undefined) await fs.lchown(temp, node.uid, node.gid);
    const mtime = mtimeSeconds(node);
    await fs.lutimes(temp, mtime, mtime);
    await fs.rename(temp, path.join(dir, node.name));
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}
