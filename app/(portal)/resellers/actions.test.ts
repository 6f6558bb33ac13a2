import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auditEvents, resellers, users } from "@/db/schema";
import { actionRequest, form } from "@/test/action-harness";
import { openTestDatabase } from "@/test/db";
import { createWorld } from "@/test/world";

// The real handlers on the real database; only Next's request context is stood in for.
vi.mock("@/lib/auth/session", async () => (await import("@/test/action-harness")).sessionMock());
vi.mock("next/headers", async () => (await import("@/test/action-harness")).headersMock());
vi.mock("next/cache", async () => (await import("@/test/action-harness")).cacheMock());
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: () => actionRequest.db }));

const { createResellerAction, renameResellerAction, setResellerStatusAction } = await import("./actions");

const db = openTestDatabase();
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  w = await createWorld(db);
  actionRequest.db = db;
});
const tag = () => randomBytes(4).toString("hex");
const reseller = async (id: number) => (await db.select().from(resellers).where(eq(resellers.id, id)))[0]!;

describe("reseller actions", () => {
  it("an admin creates a reseller and lands on its page", async () => {
    actionRequest.actor = w.admin;
    const name = `Created ${tag()}`;
    const login = `ops-${tag()}@created.test`;
    // redirect() is thrown as control flow; the action lets it through.
    await expect(createResellerAction(undefined, form({ name, login, password: "long enough secret" }))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;replace;\/resellers\/\d+;/) });
    const [row] = await db.select().from(resellers).where(eq(resellers.name, name));
    expect(row).toBeDefined();
    expect(await db.select({ id: users.id }).from(users).where(eq(users.login, login))).toHaveLength(1);
  });

  it("renames, refusing a name that is too long or taken", async () => {
    actionRequest.actor = w.admin;
    const newName = `Renamed ${tag()}`;
    expect(await renameResellerAction(undefined, form({ resellerId: w.r2, name: newName }))).toEqual({ ok: true, message: "Reseller renamed." });
    expect(await renameResellerAction(undefined, form({ resellerId: w.r2, name: "x".repeat(121) }))).toMatchObject({ ok: false, error: "The reseller's name can be at most 120 characters." });
    const taken = (await reseller(w.r1)).name;
    expect(await renameResellerAction(undefined, form({ resellerId: w.r2, name: taken }))).toEqual({ ok: false, error: `A reseller named “${taken}” already exists.` });
    expect((await reseller(w.r2)).name).toBe(newName);
  });

  it("disables and enables, audited; resellers and customers get Not found and nothing changes", async () => {
    actionRequest.actor = w.admin;
    expect(await setResellerStatusAction(undefined, form({ resellerId: w.r2, status: "disable" }))).toMatchObject({ ok: true, message: expect.stringContaining("disabled") });
    expect((await reseller(w.r2)).disabled).toBe(true);
    expect(await setResellerStatusAction(undefined, form({ resellerId: w.r2, status: "enable" }))).toEqual({ ok: true, message: "Reseller enabled." });
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.targetId, String(w.r2)))).filter((e) => e.targetType === "reseller").map((e) => e.action);
    expect(actions).toEqual(["reseller.rename", "reseller.disable", "reseller.enable"]);

    const before = await reseller(w.r1);
    for (const actor of [w.reseller1, w.reseller2, w.customerA]) {
      actionRequest.actor = actor;
      expect(await setResellerStatusAction(undefined, form({ resellerId: w.r1, status: "disable" }))).toEqual({ ok: false, error: "Not found." });
      expect(await renameResellerAction(undefined, form({ resellerId: w.r1, name: "Taken over" }))).toEqual({ ok: false, error: "Not found." });
      expect(await createResellerAction(undefined, form({ name: `Sneaky ${tag()}`, login: `s-${tag()}@x.test`, password: "long enough secret" }))).toEqual({ ok: false, error: "Not found." });
    }
    expect(await reseller(w.r1)).toEqual(before);
  });
});
