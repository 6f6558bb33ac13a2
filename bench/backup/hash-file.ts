import { createHash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";

const buffer = Buffer.alloc(4 << 20);

/** SHA-256 of a file, read in 4 MiB pieces. */
export function hashFile(path: string): string {
  const hash = createHash("sha256");
  const fd = openSync(path, "r");
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}
