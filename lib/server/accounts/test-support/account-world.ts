import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { createDatabase, type Database } from "../../../../db/client";
import { resellers, storageDevices } from "../../../../db/schema";
import { createUser } from "../../../../test/world";
import type { MountedDevice } from "../account-record";
import type { AdminActor } from "../admin-actor";

export const testActor: AdminActor = { source: "admin-cli", osUser: "tester" };
export const password = "correct horse battery staple";

/** A reseller, one of its customers and two storage devices that are real temp directories. */
export async function accountWorld(db: Database) {
  const tag = randomBytes(4).toString("hex");
  const [reseller] = await db.insert(resellers).values({ name: `R ${tag}` }).$returningId();
  if (!reseller) throw new Error("no reseller id");
  const customer = await createUser(db, { role: "customer", resellerId: reseller.id });
  const base = await fs.mkdtemp(path.join(os.tmpdir(), "strongroom-accounts-"));
  afterAll(() => fs.rm(base, { recursive: true, force: true }));
  const devices: (MountedDevice & { name: string })[] = [];
  for (const n of [1, 2]) {
    const root = path.join(base, `dev${n}`);
    await fs.mkdir(root);
    const name = `dev${n}-${tag}`;
    const [row] = await db.insert(storageDevices).values({ name, path: root, capacityBytes: 1e12 }).$returningId();
    if (!row) throw new Error("no device id");
    devices.push({ id: row.id, root, name });
  }
  let next = 0;
  const login = (prefix = "acct") => `${prefix}-${tag}-${next++}`;
  return { tag, base, resellerId: reseller.id, customer, devices, login };
}

/** A handle whose every query fails with ECONNREFUSED, as when MySQL is down. */
export function openDeadDatabase(): Database {
  const { db, pool } = createDatabase("mysql://root@127.0.0.1:1/none", 1);
  afterAll(() => pool.end());
  return db;
}
