import { eq } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { isDatabaseUnavailable } from "../../../db/errors";
import { backupServers, type serverStatuses } from "../../../db/schema/infrastructure";

export type ServerStatus = (typeof serverStatuses)[number];
export type HeartbeatResult = { ok: true } | { ok: false; reason: "database_unavailable"; error: unknown } | { ok: false; reason: "unknown_server" };

/**
 * Records that the server is alive and in which state ("draining" while it finishes sessions,
 * "offline" as the last beat of a clean shutdown). A missed beat while MySQL is down is harmless:
 * the next one catches up, so an unreachable database is returned, never thrown.
 */
export async function heartbeat(db: Database, serverId: number, status: ServerStatus, now: () => Date = () => new Date()): Promise<HeartbeatResult> {
  try {
    const [result] = await db.update(backupServers).set({ status, lastHeartbeatAt: now() }).where(eq(backupServers.id, serverId));
    // mysql2 connects with FOUND_ROWS, so affectedRows counts the matched row even when the beat
    // repeats the same status and time: 0 means the row is gone (the server was deleted).
    return result.affectedRows > 0 ? { ok: true } : { ok: false, reason: "unknown_server" };
  } catch (err) {
    if (isDatabaseUnavailable(err)) return { ok: false, reason: "database_unavailable", error: err };
    throw err;
  }
}
