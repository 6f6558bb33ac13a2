import { auditEvents } from "../../../db/schema/operations";
import type { AdminActor } from "./admin-actor";
import type { StoredAccount } from "./find-account";
import type { Queryable } from "./queryable";

/**
 * One audit row per account change, written in the same transaction as the change so the trail
 * never shows a change that did not happen (or misses one that did). Scoped to the account's
 * reseller so the reseller reads it in its own trail. Never pass a password or hash in `details`.
 */
export async function recordAccountAudit(
  db: Queryable,
  event: { action: string; stored: StoredAccount; actor: AdminActor; at: Date; details?: Record<string, unknown> },
): Promise<void> {
  await db.insert(auditEvents).values({
    at: event.at,
    actorUserId: null,
    resellerId: event.stored.resellerId,
    action: event.action,
    targetType: "account",
    targetId: String(event.stored.account.accountId),
    details: { actor: event.actor.source, osUser: event.actor.osUser, loginName: event.stored.account.loginName, ...event.details },
  });
}
