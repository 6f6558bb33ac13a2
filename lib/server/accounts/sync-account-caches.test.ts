import { eq } from "drizzle-orm";
import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { backupAccounts } from "../../../db/schema";
import { openTestDatabase } from "../../../test/db";
import { readAccountCache } from "./account-cache";
import { createAccount } from "./create-account";
import { syncAccountCaches } from "./sync-account-caches";
import { accountWorld, openDeadDatabase, password, testActor } from "./test-support/account-world";

const db = openTestDatabase();
let world: Awaited<ReturnType<typeof accountWorld>>;
beforeAll(async () => {
  world = await accountWorld(db);
});

async function newAccount(deviceIndex: 0 | 1 = 0) {
  const loginName = world.login();
  await createAccount(
    db,
    { loginName, password, resellerId: world.resellerId, customerUserId: world.customer.userId, deviceId: world.devices[deviceIndex]!.id, quotaBytes: 2 ** 30 },
    world.devices,
    { actor: testActor },
  );
  return loginName;
}

const cacheFile = (root: string, login: string) => path.join(root, "accounts", login, "account.json");

describe("syncAccountCaches", () => {
  it("rewrites missing, stale and corrupt caches from MySQL and leaves current ones alone", async () => {
    const [missing, stale, corrupt, current] = [await newAccount(), await newAccount(), await newAccount(), await newAccount()];
    const root = world.devices[0]!.root;
    await fs.rm(cacheFile(root, missing));
    await db.update(backupAccounts).set({ status: "suspended", usedBytes: 99 }).where(eq(backupAccounts.loginName, stale));
    await fs.writeFile(cacheFile(root, corrupt), "{ half");

    const result = await syncAccountCaches(db, [world.devices[0]!]);
    expect(result).toMatchObject({ ok: true, written: 3, failed: [], orphaned: [] });
    expect(result.ok && result.unchanged).toBeGreaterThanOrEqual(1);
    for (const login of [missing, corrupt, current]) expect((await readAccountCache(root, login)).kind).toBe("found");
    expect(await readAccountCache(root, stale)).toMatchObject({ cache: { status: "suspended", usedBytes: 99 } });
  });

  it("removes the cache of an account MySQL places on another device, keeps the repository", async () => {
    const login = await newAccount(0);
    const [from, to] = [world.devices[0]!, world.devices[1]!];
    await db.update(backupAccounts).set({ storageDeviceId: to.id }).where(eq(backupAccounts.loginName, login));
    const result = await syncAccountCaches(db, world.devices);
    expect(result).toMatchObject({ ok: true, removed: 1 });
    expect((await readAccountCache(from.root, login)).kind).toBe("missing");
    expect((await fs.stat(path.join(from.root, "accounts", login, "repo"))).isDirectory()).toBe(true);
    expect(await readAccountCache(to.root, login)).toMatchObject({ kind: "found", cache: { deviceId: to.id } });
  });

  it("keeps and reports a cache whose login MySQL does not know", async () => {
    const root = world.devices[1]!.root;
    const stray = `stray-${world.tag}`;
    await fs.mkdir(path.join(root, "accounts", stray), { recursive: true });
    await fs.writeFile(cacheFile(root, stray), "{}");
    const result = await syncAccountCaches(db, [world.devices[1]!]);
    expect(result).toMatchObject({ ok: true, orphaned: [stray] });
    expect(await fs.readFile(cacheFile(root, stray), "utf8")).toBe("{}");
  });

  it("reports an unmounted device and carries on with the others", async () => {
    const login = await newAccount(1);
    await fs.rm(cacheFile(world.devices[1]!.root, login));
    const gone = { id: world.devices[0]!.id, root: path.join(world.base, "unmounted") };
    const result = await syncAccountCaches(db, [gone, world.devices[1]!]);
    expect(result.ok).toBe(true);
    expect(result.ok && result.failed.length).toBeGreaterThan(0);
    expect(result.ok && result.failed.every((f) => f.deviceId === gone.id)).toBe(true);
    expect((await readAccountCache(world.devices[1]!.root, login)).kind).toBe("found");
  });

  it("returns database_unavailable instead of throwing when MySQL is down", async () => {
    const result = await syncAccountCaches(openDeadDatabase(), world.devices);
    expect(result).toMatchObject({ ok: false, reason: "database_unavailable" });
  });
});
