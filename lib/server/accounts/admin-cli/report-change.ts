import type { ChangeResult } from "../change-account";
import type { AdminIo } from "./admin-io";

/**
 * Prints what happened and returns the exit code. MySQL is changed either way; a cache that could
 * not be written is a failure (exit 1) because a daemon cut off from MySQL would go on answering
 * with the old password or status until its next sync.
 */
export function reportChange(io: AdminIo, done: string, result: ChangeResult): number {
  io.stdout(result.changed ? done : `${result.account.loginName}: nothing to change`);
  if (result.cache === "not_mounted" || result.cache === "failed") {
    io.stderr(`warning: the database is updated, but the account cache on the device could not be written (${result.message}).`);
    io.stderr("Run the command again once the device is reachable; the daemon's periodic cache sync also repairs it.");
    return 1;
  }
  return 0;
}
