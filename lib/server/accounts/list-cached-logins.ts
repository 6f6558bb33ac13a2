import fs from "node:fs/promises";
import path from "node:path";
import { ACCOUNTS_DIR } from "./account-paths";
import { isValidLoginName } from "./login-name";

/**
 * The login names that have a directory under `<device root>/accounts`. Reads that one directory
 * only (never walks the repositories below it). Names that are not valid logins are ignored.
 * A missing device root throws (an unmounted device is a failure to report, not an empty device).
 */
export async function listCachedLogins(deviceRoot: string): Promise<string[]> {
  await fs.access(deviceRoot);
  try {
    const entries = await fs.readdir(path.join(deviceRoot, ACCOUNTS_DIR), { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && isValidLoginName(e.name)).map((e) => e.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
}
