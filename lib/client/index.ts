/**
 * The client library: what bin/strongroom runs, for other callers (the daemon's tests, benches).
 * Every operation takes an Activity (lib/core/activity) and finishes it on every path.
 */
export { runBackup, type BackupOptions, type BackupResult } from "./backup/run-backup";
export type { BackupCounters } from "./backup/backup-state";
export { createExcludeMatcher } from "./backup/exclude-patterns";
export { runRestore, type RestoreOptions, type RestoreResult } from "./restore/run-restore";
export { runCheck } from "./maintenance/run-check";
export { runPrune } from "./maintenance/run-prune";
export { forgetSnapshots } from "./maintenance/forget-snapshots";
export { walkSnapshot } from "./browse/walk-snapshot";
export { main } from "./cli/main";
export { ClientError } from "./util/client-error";
export { InterruptedError } from "./util/interrupted";
