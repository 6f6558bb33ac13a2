import "server-only";
import { eq } from "drizzle-orm";
import { backupAccounts } from "../../../db/schema";
import type { DalContext } from "../context";
import { selectAccounts } from "./select-accounts";

/**
 * One account, or null when it does not exist for this actor. Its activities come from
 * listActivities (lib/dal/activities/list-activities.ts) with `accountId`, paged.
 */
export async function getAccount({ db, actor }: DalContext, accountId: number) {
  const [account] = await selectAccounts(db, actor, eq(backupAccounts.id, accountId)).limit(1);
  return account ?? null;
}

export type AccountDetail = NonNullable<Awaited<ReturnType<typeof getAccount>>>;
