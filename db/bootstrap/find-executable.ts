import { accessSync, constants } from "node:fs";
import path from "node:path";

// Server binaries live in sbin, which is often missing from a non-root PATH.
const extraDirs = ["/usr/sbin", "/usr/local/sbin", "/usr/local/bin", "/usr/local/mysql/bin", "/usr/bin"];

/** The first of `names` found on PATH or in the usual server directories, or undefined. */
export function findExecutable(names: string[], searchPath = process.env.PATH ?? ""): string | undefined {
  const dirs = [...searchPath.split(path.delimiter).filter(Boolean), ...extraDirs];
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here; keep looking
      }
    }
  }
  return undefined;
}
