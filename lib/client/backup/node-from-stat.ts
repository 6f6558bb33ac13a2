import type { BigIntStats } from "node:fs";
import type { NodeType, TreeNode } from "../../core/repository";

/** The metadata every node carries, from an lstat with `bigint: true` (exact nanoseconds). */
export function nodeFromStat(name: string, type: NodeType, stat: BigIntStats): TreeNode {
  return {
    name,
    type,
    mode: Number(stat.mode & 0o7777n),
    mtimeNs: stat.mtimeNs.toString(),
    ctimeNs: stat.ctimeNs.toString(),
    inode: stat.ino.toString(),
    device: stat.dev.toString(),
    size: type === "file" ? Number(stat.size) : 0,
    uid: Number(stat.uid),
    gid: Number(stat.gid),
  };
}

/**
 * Whether a file can keep its parent snapshot's content list without being read (as restic):
 * same type, size, mtime, and where both are recorded, ctime and inode. ctime catches a content
 * change that restored the old mtime; the inode catches a file replaced by another one.
 */
export function isUnchanged(previous: TreeNode | undefined, current: TreeNode): previous is TreeNode & { content: string[] } {
  if (!previous || previous.type !== "file" || current.type !== "file" || !previous.content) return false;
  if (previous.size !== current.size || previous.mtimeNs !== current.mtimeNs) return false;
  if (previous.ctimeNs !== undefined && previous.ctimeNs !== current.ctimeNs) return false;
  if (previous.inode !== undefined && previous.inode !== current.inode) return false;
  return true;
}

/** Tree nodes are sorted by the UTF-8 bytes of their names (FORMAT.md), not by UTF-16 units. */
export function compareNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
