import fs from "node:fs/promises";
import path from "node:path";
import { ClientError } from "../util/client-error";
import { errnoCode } from "../util/errno";

/**
 * Creates the directories of a restore below `root`, refusing to go through a symbolic link or a
 * non-directory: a target that already holds `home -> /etc` must not make us write into /etc.
 * Directories are created 0700 and get their real mode at the end, so a read-only directory in
 * the snapshot does not stop us writing its children.
 */
export class TargetDirectories {
  private readonly verified = new Set<string>();

  constructor(readonly root: string) {}

  /** Ensures root/parts[0]/…/parts[n-1] exist as real directories; returns the last one. */
  async ensure(parts: readonly string[]): Promise<string> {
    let current = this.root;
    for (const part of parts) {
      current = path.join(current, part);
      if (this.verified.has(current)) continue;
      await this.ensureOne(current);
      this.verified.add(current);
    }
    return current;
  }

  private async ensureOne(dir: string): Promise<void> {
    const stat = await fs.lstat(dir).catch((error: unknown) => {
      if (errnoCode(error) === "ENOENT") return null;
      throw error;
    });
    if (stat?.isDirectory()) return;
    if (stat?.isSymbolicLink()) {
      throw new ClientError("unsafe_path", `refusing to restore through ${dir}: it is a symbolic link inside the target`);
    }
    if (stat) throw new ClientError("unsafe_path", `cannot restore below ${dir}: it exists and is not a directory`);
    try {
      await fs.mkdir(dir, { mode: 0o700 });
    } catch (error) {
      // Another restore worker created it between our lstat and mkdir: check it again.
      if (errnoCode(error) !== "EEXIST") throw error;
      const again = await fs.lstat(dir);
      if (!again.isDirectory()) throw new ClientError("unsafe_path", `refusing to restore through ${dir}: it is not a directory`);
    }
  }
}
