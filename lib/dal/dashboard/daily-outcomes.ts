import "server-only";
import { and, eq, gte, inArray, ne, sql } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { activities } from "../../../db/schema";

// The dashboard's strip: one cell per UTC day, the worst outcome of that day's finished backups.

export const outcomeSeverity = ["success", "warning", "interrupted", "failed"] as const;
export type DailyOutcome = (typeof outcomeSeverity)[number] | null;

const DAY_MS = 86_400_000;

/** The first UTC midnight of a strip of `days` days ending with today's. */
export function stripStart(now: Date, days: number): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - (days - 1) * DAY_MS);
}

/**
 * For each account, `days` outcomes oldest first. Callers pass ids already scoped to the actor.
 * One grouped read of activities_account_kind_started_idx, which covers it.
 */
export async function dailyOutcomes(db: Database, accountIds: number[], now: Date, days = 30): Promise<Map<number, DailyOutcome[]>> {
  const start = stripStart(now, days);
  const strips = new Map(accountIds.map((id) => [id, Array<DailyOutcome>(days).fill(null)]));
  if (accountIds.length === 0) return strips;
  const rows = await db
    .select({
      accountId: activities.accountId,
      day: sql<string>`date(${activities.startedAt})`,
      // Worst = highest position in outcomeSeverity.
      worst: sql<number>`max(field(${activities.status}, ${sql.join(
        outcomeSeverity.map((s) => sql`${s}`),
        sql`, `,
      )}))`.mapWith(Number),
    })
    .from(activities)
    .where(and(inArray(activities.accountId, accountIds), eq(activities.kind, "backup"), ne(activities.status, "running"), gte(activities.startedAt, start)))
    .groupBy(activities.accountId, sql`date(${activities.startedAt})`);
  for (const r of rows) {
    const index = Math.round((new Date(`${String(r.day).slice(0, 10)}T00:00:00.000Z`).getTime() - start.getTime()) / DAY_MS);
    const strip = strips.get(r.accountId);
    if (strip && index >= 0 && index < days) strip[index] = outcomeSeverity[r.worst - 1] ?? null;
  }
  return strips;
}
