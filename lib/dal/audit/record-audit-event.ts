import type { Database } from "../../../db/client";
import { auditEvents } from "../../../db/schema";
import type { Actor } from "../../auth/actor";

/** Where a portal change came from: the request's address (null outside a request) and its time. */
export interface ChangeOrigin {
  ip: string | null;
  now?: Date;
}

export interface AuditEventInput {
  action: string;
  /** The tenant the event belongs to, so that reseller reads it in its own trail. */
  resellerId: number | null;
  targetType: "account" | "reseller";
  targetId: number;
  /** What changed (from/to). Never a password, a hash or any other secret. */
  details?: Record<string, unknown>;
}

/**
 * One audit row per portal change, written with the caller's transaction handle so the trail never
 * shows a change that was rolled back, nor misses one that was committed.
 */
export async function recordAuditEvent(tx: Pick<Database, "insert">, actor: Actor, origin: ChangeOrigin, event: AuditEventInput): Promise<void> {
  await tx.insert(auditEvents).values({
    at: origin.now ?? new Date(),
    actorUserId: actor.userId,
    resellerId: event.resellerId,
    action: event.action,
    targetType: event.targetType,
    targetId: String(event.targetId),
    // The actor's login as it was then: the trail stays readable if the user is renamed or deleted.
    details: { actorLogin: actor.login, ...event.details },
    ip: origin.ip?.slice(0, 45) ?? null,
  });
}
