import { randomBytes } from "node:crypto";
import path from "node:path";

/**
 * A fresh name next to the final one (same directory, so rename is atomic). It does not embed the
 * entry's name, which may already be at the 255-byte limit; the prefix marks leftovers of a
 * killed restore as ours.
 */
export function tempNameIn(dir: string): string {
  return path.join(dir, `.strongroom-restore-${randomBytes(8).toString("hex")}.tmp`);
}
