import fs from "node:fs/promises";
import type { TreeNode } from "../../core/repository";
import { ClientError } from "../util/client-error";
import { canChown, mtimeSeconds } from "./node-times";

/**
 * Gives a restored directory its mode, owner and mtime. Runs after everything below it is written
 * (writing a child would change the mtime; a read-only mode would stop the writes). chmod follows
 * links, so the entry is checked to still be a real directory first.
 */
export async function restoreDirectoryMetadata(dir: string, node: TreeNode): Promise<void> {
  const stat = await fs.lstat(dir);
  if (!stat.isDirectory()) throw new ClientError("unsafe_path", `refusing to change ${dir}: it is no longer a directory`);
  if (canChown() && node.uid !== undefined && node.gid !== undefined) await fs.lchown(dir, node.uid, node.gid);
  await fs.chmod(dir, node.mode);
  const mtime = mtimeSeconds(node);
  await fs.utimes(dir, mtime, mtime);
}
