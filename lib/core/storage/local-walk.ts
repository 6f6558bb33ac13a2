import type { Dir, Dirent } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { ioError, isErrno } from "./local-errors";
import { isTempName } from "./local-temp-name";
import { isValidSegment } from "./validate-key";

export type WalkEntry = { kind: "object" | "temp"; key: string; path: string };

/**
 * Walks the directory `dirKey` ("" or "data/") of a device lazily, one open directory per level,
 * yielding objects and temp files whose first-level name starts with `namePrefix`. Nothing is
 * read ahead: a caller that stops early closes the open directories (for-await calls return()).
 * Entries whose names cannot be keys (lost+found on a disk root, an operator's notes) are ignored,
 * so list() only ever yields keys that the other methods accept.
 */
export async function* walkDevice(
  root: string,
  dirKey: string,
  namePrefix = "",
): AsyncGenerator<WalkEntry> {
  const dirPath = path.join(root, dirKey);
  let dir: Dir;
  try {
    dir = await fs.opendir(dirPath);
  } catch (err) {
    // A prefix whose directory does not exist (or is an object) simply has no keys; but a missing
    // device root is an unmounted disk, and "no keys" would tell prune or a mover a lie.
    if (isErrno(err, "ENOENT", "ENOTDIR") && (await isDirectory(root))) return;
    throw ioError(err, `cannot list ${dirKey || "the device"}`);
  }
  try {
    for await (const entry of dir) {
      if (!entry.name.startsWith(namePrefix)) continue;
      const entryPath = path.join(dirPath, entry.name);
      const type = await entryType(entry, entryPath);
      if (type === "file" && isTempName(entry.name)) {
        yield { kind: "temp", key: dirKey + entry.name, path: entryPath };
      } else if (!isValidSegment(entry.name)) {
        continue;
      } else if (type === "file") {
        yield { kind: "object", key: dirKey + entry.name, path: entryPath };
      } else if (type === "dir") {
        yield* walkDevice(root, `${dirKey}${entry.name}/`);
      }
    }
  } catch (err) {
    throw ioError(err, `cannot list ${dirKey || "the device"}`);
  }
}

/**
 * Some file systems (older NFS, XFS without ftype) report no type in directory entries; lstat
 * then. Symlinks are never followed: a link could point outside the device.
 */
async function entryType(entry: Dirent, entryPath: string): Promise<"file" | "dir" | "other"> {
  if (entry.isFile()) return "file";
  if (entry.isDirectory()) return "dir";
  if (entry.isSymbolicLink() || entry.isFIFO() || entry.isSocket()) return "other";
  if (entry.isBlockDevice() || entry.isCharacterDevice()) return "other";
  const stats = await fs.lstat(entryPath).catch(() => null);
  if (stats?.isFile()) return "file";
  return stats?.isDirectory() ? "dir" : "other";
}

async function isDirectory(dirPath: string): Promise<boolean> {
  const stats = await fs.stat(dirPath).catch(() => null);
  return stats?.isDirectory() ?? false;
}
