import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { auditEvents, users } from "../../../db/schema";
import type { Actor } from "../../auth/actor";
import type { DalContext } from "../context";

export interface AuditEntry {
  id: number;
  at: Date;
  action: string;
  actorName: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

// A reseller reads the events of its own tenant; an admin every event; a customer none.
function auditScope(actor: Actor): SQL | undefined {
  if (actor.role === "admin") return undefined;
  if (actor.role === "reseller" && actor.resellerId !== null) return eq(auditEvents.resellerId, actor.resellerId);
  return sql`false`;
}

/** The newest audit events about one object (served by the target index), within the actor's tenant. */
export async function listAuditEvents({ db, actor }: DalContext, target: { type: "account" | "reseller"; id: number }, limit = 50): Promise<AuditEntry[]> {
  const rows = await db
    .select({ id: auditEvents.id, at: auditEvents.at, action: auditEvents.action, actorName: users.name, details: auditEvents.details, ip: auditEvents.ip })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.targetType, target.type), eq(auditEvents.targetId, String(target.id)), auditScope(actor)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, details: asRecord(r.details) }));
}

// MariaDB's JSON is a text column: the driver may hand back the string rather than the object.
function asRecord(value: unknown): Record<string, unknown> {
  let parsed = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch {
      return {};
    }
  }
  return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}
