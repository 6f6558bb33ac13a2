import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvents, resellers, users } from "../../../db/schema";
import { openTestDatabase } from "../../../test/db";
import { createWorld } from "../../../test/world";
import type { Actor } from "../../auth/actor";
import { authenticate } from "../../auth/authenticate";
import { loadActor } from "../../auth/load-actor";
import { createReseller } from "./create-reseller";
import { renameReseller } from "./rename-reseller";
import { firstUserInput, resellerNameInput } from "./reseller-input";
import { setResellerDisabled } from "./set-reseller-disabled";

const db = openTestDatabase();
let w: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  w = await createWorld(db);
});

const origin = { ip: "198.51.100.4" };
const ctx = (actor: Actor) => ({ db, actor });
const unique = () => randomBytes(4).toString("hex");
const newReseller = (name = `Acme ${unique()}`, login = `ops-${unique()}@acme.test`) => ({ name, login, password: "a long enough password" });
const auditsOf = (id: number) => db.select().from(auditEvents).where(and(eq(auditEvents.targetType, "reseller"), eq(auditEvents.targetId, String(id)))).orderBy(auditEvents.id);
const resellerRow = async (id: number) => (await db.select().from(resellers).where(eq(resellers.id, id)))[0];

describe("createReseller", () => {
  it("creates the reseller, its first user (who can sign in) and one audit row", async () => {
    const input = newReseller();
    const { id } = await createReseller(ctx(w.admin), input, origin);
    expect(await resellerRow(id)).toMatchObject({ name: input.name, disabled: false });
    const [user] = await db.select().from(users).where(eq(users.login, input.login));
    expect(user).toMatchObject({ role: "reseller", resellerId: id, name: input.name });
    expect(await authenticate(db, { login: input.login, password: input.password, ip: `192.0.2.${Math.floor(Math.random() * 250)}` })).toMatchObject({ ok: true });
    const events = await auditsOf(id);
    expect(events).toEqual([expect.objectContaining({ action: "reseller.create", actorUserId: w.admin.userId, resellerId: id, ip: origin.ip })]);
    expect(JSON.stringify(events)).not.toContain(input.password);
  });

  it("refuses a duplicate name (in any letter case) and a login in use, creating nothing", async () => {
    const first = newReseller();
    await createReseller(ctx(w.admin), first, origin);
    const before = (await db.select({ id: resellers.id }).from(resellers)).length;
    await expect(createReseller(ctx(w.admin), newReseller(first.name.toUpperCase()), origin)).rejects.toMatchObject({ code: "conflict", message: `A reseller named “${first.name.toUpperCase()}” already exists.` });
    await expect(createReseller(ctx(w.admin), newReseller(undefined, first.login), origin)).rejects.toMatchObject({ code: "conflict", message: `The login ${first.login} is already in use.` });
    expect((await db.select({ id: resellers.id }).from(resellers)).length).toBe(before);
  });

  it("answers Not found to anyone but an admin", async () => {
    for (const actor of [w.reseller1, w.customerA]) await expect(createReseller(ctx(actor), newReseller(), origin)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("renameReseller and setResellerDisabled", () => {
  it("renames with an audit row; a taken name is refused and nothing changes", async () => {
    const { id } = await createReseller(ctx(w.admin), newReseller(), origin);
    const name = `Renamed ${unique()}`;
    expect(await renameReseller(ctx(w.admin), id, name, origin)).toEqual({ changed: true });
    expect((await resellerRow(id))?.name).toBe(name);
    await expect(renameReseller(ctx(w.admin), id, (await resellerRow(w.r1))!.name, origin)).rejects.toMatchObject({ code: "conflict" });
    expect((await resellerRow(id))?.name).toBe(name);
    expect((await auditsOf(id)).map((e) => e.action)).toEqual(["reseller.create", "reseller.rename"]);
  });

  it("disables (its users are shut out at sign-in and on the next request) and enables, audited", async () => {
    const input = newReseller();
    const { id } = await createReseller(ctx(w.admin), input, origin);
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.login, input.login));
    await setResellerDisabled(ctx(w.admin), id, true, origin);
    expect(await loadActor(db, user!.id)).toBeNull();
    expect(await authenticate(db, { login: input.login, password: input.password, ip: "192.0.2.251" })).toMatchObject({ ok: false, code: "disabled" });
    expect(await setResellerDisabled(ctx(w.admin), id, true, origin)).toEqual({ changed: false });
    await setResellerDisabled(ctx(w.admin), id, false, origin);
    expect(await loadActor(db, user!.id)).not.toBeNull();
    expect((await auditsOf(id)).map((e) => e.action)).toEqual(["reseller.create", "reseller.disable", "reseller.enable"]);
  });

  it("answers Not found to a reseller, even about itself, and changes nothing", async () => {
    const before = await resellerRow(w.r1);
    await expect(renameReseller(ctx(w.reseller1), w.r1, "Mine now", origin)).rejects.toMatchObject({ code: "not_found", message: "Not found." });
    await expect(setResellerDisabled(ctx(w.reseller2), w.r1, true, origin)).rejects.toMatchObject({ code: "not_found" });
    await expect(renameReseller(ctx(w.admin), 987_654_321, "Nobody", origin)).rejects.toMatchObject({ code: "not_found" });
    expect(await resellerRow(w.r1)).toEqual(before);
    expect(await auditsOf(w.r1)).toEqual([]);
  });
});

describe("reseller input", () => {
  it("refuses an empty, too long or control-character name and a weak first user", () => {
    expect(resellerNameInput.safeParse("  ").error?.issues[0]?.message).toBe("Enter the reseller's name.");
    expect(resellerNameInput.safeParse("x".repeat(121)).error?.issues[0]?.message).toBe("The reseller's name can be at most 120 characters.");
    expect(resellerNameInput.safeParse("a\u0007b").error?.issues[0]?.message).toBe("The name contains characters that are not allowed.");
    expect(resellerNameInput.parse("  Acme IT  ")).toBe("Acme IT");
    expect(firstUserInput.safeParse({ login: "not-an-email", password: "a long enough password" }).error?.issues[0]?.message).toContain("e-mail address");
    expect(firstUserInput.safeParse({ login: "ops@x.test", password: "short" }).error?.issues[0]?.message).toBe("The password must be at least 12 characters.");
    expect(firstUserInput.parse({ login: " Ops@X.test ", password: "a long enough password" }).login).toBe("ops@x.test");
  });
});
