import fs from "node:fs/promises";
import path from "node:path";
import { StorageError, type StorageDriver } from "./driver";
import { fsyncDir } from "./local-fsync";
import { ioError, isErrno, toReadError } from "./local-errors";
import { readLocalRange, readLocalRangeInto } from "./local-read-range";
import { sweepTempFiles } from "./local-sweep";
import { walkDevice } from "./local-walk";
import { writeAtomically, writeViaTemp } from "./local-write";
import { keyWithin, splitPrefix, validateKey, validatePrefix } from "./validate-key";

/**
 * A storage device that is a directory (a local disk, an NFS mount). Each key is a file at that
 * path below `root`; "/" in keys become directories (0700), objects are files (0600) owned by the
 * server. `root` must already exist: it is never created (see ensureDir).
 */
export function createLocalDriver(root: string): StorageDriver {
  const base = path.resolve(root);
  const file = (key: string) => path.join(base, key);

  return {
    async read(key) {
      validateKey(key);
      try {
        return await fs.readFile(file(key));
      } catch (err) {
        throw toReadError(err, key);
      }
    },

    async readRange(key, offset, length) {
      validateKey(key);
      return readLocalRange(base, key, offset, length);
    },

    async readRangeInto(key, offset, into) {
      validateKey(key);
      return readLocalRangeInto(base, key, offset, into);
    },

    async write(key, data) {
      validateKey(key);
      await writeAtomically(base, key, data);
    },

    async writeNamedAtEnd(prefix, data, keyAtEnd) {
      validatePrefix(prefix);
      return writeViaTemp(base, path.join(base, splitPrefix(prefix).dir), data, () => keyWithin(prefix, keyAtEnd()));
    },

    async *list(prefix) {
      validatePrefix(prefix);
      const { dir, name } = splitPrefix(prefix);
      for await (const entry of walkDevice(base, dir, name)) {
        if (entry.kind === "object") yield entry.key;
      }
    },

    async stat(key) {
      validateKey(key);
      try {
        const stats = await fs.stat(file(key));
        return stats.isFile() ? { size: stats.size, mtime: stats.mtime } : null;
      } catch (err) {
        if (isErrno(err, "ENOENT", "ENOTDIR")) return null;
        throw ioError(err, `cannot stat ${key}`);
      }
    },

    async delete(key) {
      validateKey(key);
      try {
        await fs.unlink(file(key));
      } catch (err) {
        // Absent, or only a prefix of other keys (EISDIR on Linux): nothing to delete.
        if (isErrno(err, "ENOENT", "ENOTDIR", "EISDIR")) return;
        throw ioError(err, `cannot delete ${key}`);
      }
      // Durable deletes let prune rely on the order it removes things in (packs after indexes).
      // Empty directories are kept: removing them would race with writers creating files there.
      await fsyncDir(path.dirname(file(key))).catch((err: unknown) => {
        throw ioError(err, `cannot delete ${key}`);
      });
    },

    async statfs() {
      try {
        const stats = await fs.statfs(base);
        // bavail, not bfree: blocks reserved for root are not ours to plan with.
        return { totalBytes: stats.blocks * stats.bsize, freeBytes: stats.bavail * stats.bsize };
      } catch (err) {
        throw new StorageError("io", "cannot read device capacity", { cause: err });
      }
    },

    sweepTemp(olderThanMs) {
      return sweepTempFiles(base, olderThanMs);
    },
  };
}
