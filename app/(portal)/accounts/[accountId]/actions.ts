"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { defineAction } from "@/lib/auth/action";
import { changeOrigin } from "@/lib/auth/change-origin";
import { intervalInput, quotaInput } from "@/lib/dal/accounts/account-settings-input";
import { rowIdInput } from "@/lib/dal/row-id-input";
import { resetAccountPassword } from "@/lib/dal/accounts/reset-account-password";
import { setAccountInterval } from "@/lib/dal/accounts/set-account-interval";
import { setAccountQuota } from "@/lib/dal/accounts/set-account-quota";
import { setAccountSuspended } from "@/lib/dal/accounts/set-account-status";

// Account settings for resellers and admins. Each DAL call scopes its UPDATE by the actor, so an
// account of another tenant answers "Not found." and nothing changes.

const done = (accountId: number, message: string) => {
  revalidatePath(`/accounts/${accountId}`);
  return { ok: true as const, message };
};

export const updateAccountQuota = defineAction({
  permission: "accounts.quota.update",
  schema: z.object({ accountId: rowIdInput, quota: quotaInput }),
  handler: async ({ accountId, quota }, actor) => {
    const { changed } = await setAccountQuota({ db: getDb(), actor }, accountId, quota, await changeOrigin());
    return done(accountId, changed ? "Quota saved." : "The quota was already set to that.");
  },
});

export const updateAccountInterval = defineAction({
  permission: "accounts.interval.update",
  schema: z.object({ accountId: rowIdInput, interval: intervalInput }),
  handler: async ({ accountId, interval }, actor) => {
    const { changed } = await setAccountInterval({ db: getDb(), actor }, accountId, interval, await changeOrigin());
    return done(accountId, changed ? "Expected interval saved." : "The interval was already set to that.");
  },
});

export const updateAccountStatus = defineAction({
  permission: "accounts.status.update",
  schema: z.object({ accountId: rowIdInput, status: z.enum(["suspend", "resume"], { error: "Choose suspend or resume." }) }),
  handler: async ({ accountId, status }, actor) => {
    const suspend = status === "suspend";
    const { changed } = await setAccountSuspended({ db: getDb(), actor }, accountId, suspend, await changeOrigin());
    if (!changed) return done(accountId, suspend ? "The account was already suspended." : "The account was already active.");
    return done(accountId, suspend ? "Account suspended: backup servers refuse its sessions." : "Account resumed.");
  },
});

export const resetBackupPassword = defineAction({
  permission: "accounts.password.reset",
  schema: z.object({ accountId: rowIdInput }),
  handler: async ({ accountId }, actor) => {
    const { password } = await resetAccountPassword({ db: getDb(), actor }, accountId, await changeOrigin());
    revalidatePath(`/accounts/${accountId}`);
    return { ok: true, message: "New backup password. It is shown only now: copy it into the client's configuration.", secret: password };
  },
});
