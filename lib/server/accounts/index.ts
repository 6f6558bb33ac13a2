// The daemon's account module: authentication that keeps working while MySQL is down, and the
// admin operations that keep MySQL and the per-device cache files in step. See lib/server/README.md.
export type { AccountRecord, MountedDevice } from "./account-record";
export type { AccountDirectory, AccountDirectoryOptions, AuthenticationResult } from "./account-directory";
export { createAccountDirectory } from "./account-directory";
export { AccountError, type AccountErrorCode } from "./account-errors";
export { adminCliActor, type AdminActor } from "./admin-actor";
export { generateAccountPassword } from "./account-password";
export { accountDir, repositoryRoot } from "./account-paths";
export type { ChangeResult } from "./change-account";
export type { CacheOutcome } from "./update-account-cache";
export { createAccount, type NewAccountInput } from "./create-account";
export { resetAccountPassword } from "./reset-account-password";
export { suspendAccount, resumeAccount } from "./set-account-status";
export { setQuota } from "./set-account-quota";
export { listAccounts, type AccountListing } from "./list-accounts";
export { syncAccountCaches, type SyncResult, type SyncReport } from "./sync-account-caches";
export { isOverQuota } from "./quota";
export { isValidLoginName } from "./login-name";
export { parseSize, parseIntervalHours } from "./parse-size";
