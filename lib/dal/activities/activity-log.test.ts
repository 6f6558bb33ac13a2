import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { activities, activityEntries } from "../../../db/schema";
import { openTestDatabase } from "../../../test/db";
import { createWorld } from "../../../test/world";
import { getActivity } from "./get-activity";
import { getActivityMarkers } from "./get-activity-markers";
import { listActivityEntries } from "./list-activity-entries";
import { streamActivityLog } from "./stream-activity-log";

const db = openTestDatabase();
let w: Awaited<ReturnType<typeof createWorld>>;
let failedId: number;
beforeAll(async () => {
  w = await createWorld(db);
  const [failed] = await db.select({ id: activities.id }).from(activities).where(and(eq(activities.accountId, w.accountA), eq(activities.status, "failed")));
  failedId = failed!.id;
  const at = new Date();
  await db.insert(activityEntries).values(
    Array.from({ length: 2_500 }, (_, i) => ({
      activityId: failedId,
      level: i % 100 === 0 ? ("error" as const) : ("info" as const),
      at,
      path: i % 100 === 0 ? `C:\\Users\\ann\\Outlook-${i}.pst` : null,
      message: i === 0 ? "read failed\nFORGED 2026-01-01 ERROR line" : `line ${i}`,
    })),
  );
});

const ctx = (actor: typeof w.admin) => ({ db, actor });

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("activity detail and log", () => {
  it("opens an activity only within the actor's tenant", async () => {
    expect(await getActivity(ctx(w.customerA), failedId)).toMatchObject({ id: failedId, status: "failed", accountId: w.accountA });
    expect(await getActivity(ctx(w.reseller1), failedId)).not.toBeNull();
    expect(await getActivity(ctx(w.admin), failedId)).not.toBeNull();
    expect(await getActivity(ctx(w.customerB), failedId)).toBeNull();
    expect(await getActivity(ctx(w.reseller2), failedId)).toBeNull();
  });

  it("gives another tenant no entries even with the right activity id", async () => {
    expect(await listActivityEntries(ctx(w.customerB), failedId, { limit: 10 })).toEqual([]);
    expect(await listActivityEntries(ctx(w.reseller2), failedId, { limit: 10 })).toEqual([]);
  });

  it("pages entries with a keyset cursor and filters by level", async () => {
    const first = await listActivityEntries(ctx(w.customerA), failedId, { limit: 1000 });
    const second = await listActivityEntries(ctx(w.customerA), failedId, { limit: 1000, afterId: first.at(-1)!.id });
    expect(first).toHaveLength(1000);
    expect(second[0]!.id).toBeGreaterThan(first.at(-1)!.id);
    const errors = await listActivityEntries(ctx(w.customerA), failedId, { level: "error", limit: 1000 });
    expect(errors).toHaveLength(25);
    expect(errors.every((e) => e.level === "error")).toBe(true);
  });

  it("streams the whole log as text, one line per entry, newlines in messages folded", async () => {
    const activity = (await getActivity(ctx(w.customerA), failedId))!;
    const text = await readAll(streamActivityLog(ctx(w.customerA), activity, "text"));
    const lines = text.trimEnd().split("\n");
    expect(lines[0]).toContain(`backup of ${activity.accountLoginName}`);
    const entryLines = lines.slice(lines.indexOf("") + 1);
    expect(entryLines).toHaveLength(2_500);
    expect(entryLines[0]).toMatch(/ERROR +C:\\Users\\ann\\Outlook-0\.pst: read failed FORGED/);
    expect(entryLines.at(-1)).toContain("line 2499");
  });

  it("streams JSON lines that parse, header first", async () => {
    const activity = (await getActivity(ctx(w.admin), failedId))!;
    const rows = (await readAll(streamActivityLog(ctx(w.admin), activity, "jsonl"))).trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(rows[0]).toMatchObject({ type: "activity", id: failedId, status: "failed" });
    expect(rows.slice(1)).toHaveLength(2_500);
    expect(rows[1]).toMatchObject({ type: "entry", level: "error", message: "read failed\nFORGED 2026-01-01 ERROR line" });
  });
});

describe("activity page: markers and entry search", () => {
  it("finds the first error (and no warning) for the timeline, only within the tenant", async () => {
    const markers = await getActivityMarkers(ctx(w.customerA), failedId);
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ level: "error", path: "C:\\Users\\ann\\Outlook-0.pst" });
    expect(await getActivityMarkers(ctx(w.customerB), failedId)).toEqual([]);
  });

  it("searches entries by words and phrases, with the level filter and keyset paging", async () => {
    const hit = await listActivityEntries(ctx(w.customerA), failedId, { q: "Outlook-1200.pst", limit: 10 });
    expect(hit.map((e) => e.path)).toEqual(["C:\\Users\\ann\\Outlook-1200.pst"]);
    expect(await listActivityEntries(ctx(w.customerA), failedId, { q: "forged", limit: 10 })).toHaveLength(1);
    expect(await listActivityEntries(ctx(w.customerA), failedId, { q: "outlook", level: "info", limit: 10 })).toEqual([]);
    const first = await listActivityEntries(ctx(w.customerA), failedId, { q: "outlook", limit: 20 });
    const rest = await listActivityEntries(ctx(w.customerA), failedId, { q: "outlook", limit: 20, afterId: first.at(-1)!.id });
    expect(first.length + rest.length).toBe(25);
    expect(await listActivityEntries(ctx(w.reseller2), failedId, { q: "outlook", limit: 20 })).toEqual([]);
  });
});

