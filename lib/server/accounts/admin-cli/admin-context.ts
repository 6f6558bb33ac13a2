import { eq } from "drizzle-orm";
import type { Database } from "../../../../db/client";
import { storageDevices } from "../../../../db/schema/infrastructure";
import { users } from "../../../../db/schema/users";
import type { MountedDevice } from "../account-record";
import { adminCliActor, type AdminActor } from "../admin-actor";
import { CliError, type AdminIo } from "./admin-io";

export interface AdminContext {
  db: Database;
  io: AdminIo;
  actor: AdminActor;
  /** Every storage device at the path storage_devices gives it: the admin host mounts them there. */
  devices: MountedDevice[];
  deviceByName(name: string): { id: number; root: string };
  customerByLogin(login: string): Promise<{ userId: number; resellerId: number }>;
}

export async function createAdminContext(db: Database, io: AdminIo): Promise<AdminContext> {
  const rows = await db.select({ id: storageDevices.id, name: storageDevices.name, path: storageDevices.path }).from(storageDevices);
  return {
    db,
    io,
    actor: adminCliActor(),
    devices: rows.map((r) => ({ id: r.id, root: r.path })),
    deviceByName(name) {
      const row = rows.find((r) => r.name === name);
      if (!row) {
        const known = rows.map((r) => r.name).join(", ") || "none registered yet";
        throw new CliError(`unknown storage device ${JSON.stringify(name)} (known: ${known})`);
      }
      return { id: row.id, root: row.path };
    },
    async customerByLogin(login) {
      const [user] = await db.select({ id: users.id, role: users.role, resellerId: users.resellerId }).from(users).where(eq(users.login, login)).limit(1);
      if (!user || user.role !== "customer" || user.resellerId === null) {
        throw new CliError(`unknown customer ${JSON.stringify(login)}: no portal user with the customer role has that login`);
      }
      return { userId: user.id, resellerId: user.resellerId };
    },
  };
}
