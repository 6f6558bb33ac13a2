import { randomBytes } from "node:crypto";
import { createDatabaseIfMissing, dropDatabase, withDatabaseName } from "../../db/admin";
import { createDatabase, type DatabaseHandle } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { resellers, storageDevices, users } from "../../db/schema";

// bench:load's own database on the local MariaDB/MySQL: created and migrated at start, dropped at
// the end, never the demo's or the tests'. BENCH_DATABASE_URL names the server (root@127.0.0.1).

export interface ScratchWorld {
  url: string;
  name: string;
  handle: DatabaseHandle;
  resellerId: number;
  customerUserId: number;
  deviceId: number;
  deviceName: string;
  drop(): Promise<void>;
}

function benchServerUrl(): string {
  const url = process.env.BENCH_DATABASE_URL ?? "mysql://root@127.0.0.1:3306/";
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) throw new Error(`BENCH_DATABASE_URL must point at a local server, not ${host}`);
  return url;
}

export async function createScratchWorld(deviceRoot: string): Promise<ScratchWorld> {
  const tag = randomBytes(4).toString("hex");
  const name = `strongroom_bench_load_${tag}`;
  const url = withDatabaseName(benchServerUrl(), name);
  await createDatabaseIfMissing(url);
  const handle = createDatabase(url, 4);
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await handle.pool.end().catch(() => undefined);
    await dropDatabase(url);
  };
  try {
    await migrateDatabase(handle.db);
    const [reseller] = await handle.db.insert(resellers).values({ name: `Load bench ${tag}` }).$returningId();
    const [customer] = await handle.db
      .insert(users)
      .values({ login: `load-${tag}@bench.invalid`, name: "Load bench customer", role: "customer", resellerId: reseller?.id ?? null, passwordHash: "x", disabled: false })
      .$returningId();
    const deviceName = `bench-load-${tag}`;
    const [device] = await handle.db.insert(storageDevices).values({ name: deviceName, path: deviceRoot, capacityBytes: 1e12 }).$returningId();
    if (!reseller || !customer || !device) throw new Error("scratch database: an insert returned no id");
    return { url, name, handle, resellerId: reseller.id, customerUserId: customer.id, deviceId: device.id, deviceName, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}
