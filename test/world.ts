import { randomBytes } from "node:crypto";
import type { Database } from "../db/client";
import { activities, backupAccounts, resellers, storageDevices, users, type Role } from "../db/schema";
import type { Actor } from "../lib/auth/actor";

// A small two-tenant world for DAL and auth tests, with unique names so test files can share a
// database: reseller R1 serves customer A, reseller R2 serves customer B, plus an admin.

async function insertId<T>(query: { $returningId: () => Promise<{ id: number }[]> } & T): Promise<number> {
  const [row] = await query.$returningId();
  if (!row) throw new Error("insert returned no id");
  return row.id;
}

export async function createUser(db: Database, values: { role: Role; resellerId: number | null; passwordHash?: string; disabled?: boolean; tag?: string }) {
  const tag = values.tag ?? randomBytes(4).toString("hex");
  const login = `${values.role}-${tag}@test.invalid`;
  const id = await insertId(
    db.insert(users).values({ login, name: `${values.role} ${tag}`, role: values.role, resellerId: values.resellerId, passwordHash: values.passwordHash ?? "x", disabled: values.disabled ?? false }),
  );
  const actor: Actor = { userId: id, role: values.role, resellerId: values.resellerId, name: `${values.role} ${tag}`, login };
  return actor;
}

export async function createWorld(db: Database) {
  const tag = randomBytes(4).toString("hex");
  const r1 = await insertId(db.insert(resellers).values({ name: `R1 ${tag}` }));
  const r2 = await insertId(db.insert(resellers).values({ name: `R2 ${tag}` }));
  const device = await insertId(db.insert(storageDevices).values({ name: `dev-${tag}`, path: `/srv/${tag}`, capacityBytes: 1e12 }));
  const admin = await createUser(db, { role: "admin", resellerId: null });
  const reseller1 = await createUser(db, { role: "reseller", resellerId: r1 });
  const reseller2 = await createUser(db, { role: "reseller", resellerId: r2 });
  const customerA = await createUser(db, { role: "customer", resellerId: r1 });
  const customerB = await createUser(db, { role: "customer", resellerId: r2 });
  const account = (customer: Actor, resellerId: number, name: string) =>
    insertId(
      db.insert(backupAccounts).values({ loginName: `${name}-${tag}`, resellerId, customerUserId: customer.userId, storageDeviceId: device, passwordHash: "x", quotaBytes: 1e11, usedBytes: 5e9 }),
    );
  const accountA = await account(customerA, r1, "a");
  const accountB = await account(customerB, r2, "b");
  const now = new Date();
  await db.insert(activities).values(
    [
      { accountId: accountA, resellerId: r1, status: "success" as const, startedAt: new Date(now.getTime() - 3_600_000) },
      { accountId: accountA, resellerId: r1, status: "failed" as const, startedAt: new Date(now.getTime() - 60_000), summary: "Network connection lost" },
      { accountId: accountB, resellerId: r2, status: "success" as const, startedAt: new Date(now.getTime() - 120_000) },
    ].map((a, i) => ({ ...a, kind: "backup" as const, idempotencyKey: `test-${tag}-${i}` })),
  );
  return { tag, r1, r2, device, admin, reseller1, reseller2, customerA, customerB, accountA, accountB };
}
