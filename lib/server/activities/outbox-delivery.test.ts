import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createDatabase, type DatabaseHandle } from "../../../db/client";
import { isDatabaseUnavailable } from "../../../db/errors";
import { openTestDatabase } from "../../../test/db";
import type { ActivityDelivery } from "../../core/outbox/activity-delivery";
import { sampleActivity } from "../../core/outbox/fixtures/sample-activity";
import { openStateDirectory } from "../../core/outbox/open-state-directory";
import { openOutbox } from "../../core/outbox/outbox";
import { createOutboxWorker } from "../../core/outbox/outbox-worker";
import { storeActivity } from "./store-activity";
import { storedActivities, threeAccounts } from "./test-support/stored-activities";
import { startTcpProxy, type TcpProxy } from "./test-support/tcp-proxy";

// The daemon's pool goes through a proxy the tests cut; assertions read through a direct pool.
const direct = openTestDatabase();
let proxy: TcpProxy;
let daemon: DatabaseHandle;
let accounts: Awaited<ReturnType<typeof threeAccounts>>;
const dirs: string[] = [];

beforeAll(async () => {
  proxy = await startTcpProxy(inject("databaseUrl"));
  daemon = createDatabase(proxy.url, 2);
  accounts = await threeAccounts(direct);
});
afterAll(async () => {
  await daemon.pool.end();
  await proxy.close();
  await Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

async function pipeline() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "strongroom-delivery-"));
  dirs.push(dir);
  const outbox = await openOutbox<ActivityDelivery>({ driver: await openStateDirectory(dir) });
  const errors: unknown[] = [];
  const worker = createOutboxWorker({
    outbox,
    deliver: (delivery) => storeActivity(daemon.db, delivery),
    backoff: { initialMs: 20, maxMs: 200 },
    pollIntervalMs: 60_000,
    onError: (error) => errors.push(error),
  });
  return { dir, outbox, worker, errors };
}

describe("activities through the outbox while MySQL is unreachable", () => {
  it("keeps three accounts' activities pending while the proxy is cut, then stores each exactly once", async () => {
    const { outbox, worker, errors } = await pipeline();
    await outbox.append({ accountId: accounts[0].accountId, serverId: null, record: sampleActivity({}, 1) });
    worker.start();
    await vi.waitFor(() => expect(worker.depth).toBe(0)); // the pool is connected through the proxy

    await proxy.cut();
    const deliveries = accounts.map((a, i) => ({ accountId: a.accountId, serverId: null, record: sampleActivity({}, 10 + i) }));
    for (const delivery of deliveries) {
      await outbox.append(delivery);
      worker.wake();
    }
    await vi.waitFor(() => expect(errors.length).toBeGreaterThanOrEqual(3));
    expect(errors.every(isDatabaseUnavailable)).toBe(true);
    expect(worker.depth).toBe(3);
    const keys = deliveries.map((d) => d.record.id);
    expect(await storedActivities(direct, keys)).toEqual([]);

    await proxy.restore();
    await vi.waitFor(() => expect(worker.depth).toBe(0), { timeout: 5_000 });
    const stored = await storedActivities(direct, keys);
    expect(stored.map((s) => [s.key, s.accountId, s.resellerId, s.entries]).sort()).toEqual(
      deliveries.map((d, i) => [d.record.id, d.accountId, accounts[i]?.resellerId, 10 + i]).sort(),
    );
    expect(await outbox.pending()).toEqual([]);
    await worker.stop();
  });

  it("rolls back a transaction cut mid-way and stores the activity once, complete, after restore", async () => {
    const { outbox, worker, errors } = await pipeline();
    const record = sampleActivity({}, 20_000); // about 1.5 MB of INSERTs
    const cut = proxy.cutAfterUpstreamBytes(400_000);
    await outbox.append({ accountId: accounts[1].accountId, serverId: null, record });
    worker.start();
    await cut;
    await vi.waitFor(() => expect(errors.length).toBeGreaterThanOrEqual(1));
    expect(await storedActivities(direct, [record.id])).toEqual([]);
    await proxy.restore();
    await vi.waitFor(() => expect(worker.depth).toBe(0), { timeout: 10_000 });
    expect(await storedActivities(direct, [record.id])).toEqual([expect.objectContaining({ entries: 20_000 })]);
    await worker.stop();
  });
});

describe("outbox delivery into MySQL", () => {
  it("two workers draining the same outbox at once store each item once", async () => {
    const first = await pipeline();
    const second = { outbox: await openOutbox<ActivityDelivery>({ driver: await openStateDirectory(first.dir) }) };
    const secondWorker = createOutboxWorker({ outbox: second.outbox, deliver: (d) => storeActivity(direct, d) });
    const records = Array.from({ length: 6 }, () => sampleActivity({}, 200));
    for (const record of records) await first.outbox.append({ accountId: accounts[2].accountId, serverId: null, record });
    const results = await Promise.all([first.worker.drain(), secondWorker.drain()]);
    expect(results.map((r) => r.error)).toEqual([null, null]);
    const stored = await storedActivities(direct, records.map((r) => r.id));
    expect(stored).toHaveLength(6);
    expect(stored.every((s) => s.entries === 200)).toBe(true);
    expect(await first.outbox.pending()).toEqual([]);
  });

  it("parks an activity of an unknown account in dead/ with the reason and delivers the rest", async () => {
    const { outbox, worker } = await pipeline();
    const good = [sampleActivity({}, 1), sampleActivity({}, 1)];
    await outbox.append({ accountId: accounts[0].accountId, serverId: null, record: good[0] ?? sampleActivity() });
    await outbox.append({ accountId: 999_999_999, serverId: null, record: sampleActivity({}, 1) });
    await outbox.append({ accountId: accounts[0].accountId, serverId: null, record: good[1] ?? sampleActivity() });
    expect(await worker.drain()).toMatchObject({ delivered: 2, parked: 1, remaining: 0, error: null });
    expect(worker.parked).toBe(1);
    const [dead] = await outbox.dead();
    expect(await outbox.readDead(dead ?? "")).toMatchObject({ reason: "activity for unknown account 999999999", item: { accountId: 999_999_999 } });
    expect(await storedActivities(direct, good.map((r) => r.id))).toHaveLength(2);
  });
});
