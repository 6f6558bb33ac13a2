import { randomBytes } from "node:crypto";

/**
 * Temp files live next to their final name (same directory, so the rename is always on the same
 * file system, even when a subdirectory is a mount point). The "~" is outside the key charset, so
 * no key can ever look like a temp file: list() cannot hide a real object and sweepTemp() cannot
 * delete one, and temp names do not restrict the key namespace.
 */
const TEMP_PREFIX = ".tmp~";

export function makeTempName(): string {
  return TEMP_PREFIX + randomBytes(12).toString("hex");
}

export function isTempName(name: string): boolean {
  return name.startsWith(TEMP_PREFIX);
}
