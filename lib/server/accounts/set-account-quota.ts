import type { Database } from "../../../db/client";
import type { MountedDevice } from "./account-record";
import { changeAccount, type ChangeOptions, type ChangeResult } from "./change-account";
import { assertQuotaBytes } from "./quota";

/** A quota below the bytes already used is allowed: the account keeps its data and is refused new data. */
export async function setQuota(db: Database, input: { loginName: string; quotaBytes: number }, devices: MountedDevice[], options: ChangeOptions = {}): Promise<ChangeResult> {
  assertQuotaBytes(input.quotaBytes);
  return changeAccount(db, devices, input.loginName, options, ({ account }) =>
    account.quotaBytes === input.quotaBytes
      ? null
      : { action: "account.quota.update", set: { quotaBytes: input.quotaBytes }, details: { fromBytes: account.quotaBytes, toBytes: input.quotaBytes } },
  );
}
