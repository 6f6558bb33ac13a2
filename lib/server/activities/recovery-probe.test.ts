import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createDatabase, type DatabaseHandle } from "../../../db/client";
import { openTestDatabase } from "../../../test/db";
import { sampleActivity } from "../../core/outbox/fixtures/sample-activity";
import { tempDir } from "../../client/test-support/temp-dir";
import { startActivityOutbox } from "./start-activity-outbox";
import { storedActivities, threeAccounts } from "./test-support/stored-activities";
import { startTcpProxy, type TcpProxy } from "./test-support/tcp-proxy";

// Gap found in issue 4: after an outage the worker's backoff had grown (up to a minute), so
// activities reached MySQL long after it was back. The backoff here is ten minutes: only the
// recovery probe can deliver within the test's time.
const direct = openTestDatabase();
let proxy: TcpProxy;
let daemonDb: DatabaseHandle;

beforeAll(async () => {
  proxy = await startTcpProxy(inject("databaseUrl"));
  daemonDb = createDatabase(proxy.url, 2);
});
afterAll(async () => {
  await daemonDb.pool.end();
  await proxy.close();
});

describe("outbox recovery probe", () => {
  it("delivers as soon as MySQL answers again, without waiting out the backoff", async () => {
    const [account] = await threeAccounts(direct);
    const outbox = await startActivityOutbox({
      db: daemonDb.db,
      stateDir: await tempDir("recovery-probe"),
      serverId: null,
      backoff: { initialMs: 600_000, maxMs: 600_000, jitter: 0 },
      pollIntervalMs: 600_000,
      recoveryProbeMs: 100,
    });
    try {
      await proxy.cut();
      const record = sampleActivity({}, 3);
      const header = { id: record.id, kind: record.kind, startedAt: record.startedAt, host: record.host, clientVersion: record.clientVersion };
      const sink = outbox.sinkFor(account.accountId);
      await sink.start(header);
      await sink.finish(record);
      await vi.waitFor(() => expect(outbox.worker.failures).toBeGreaterThanOrEqual(1), { timeout: 10_000 });
      expect(outbox.worker.depth).toBe(1);

      await proxy.restore();
      await vi.waitFor(() => expect(outbox.worker.depth).toBe(0), { timeout: 15_000 });
      expect(await storedActivities(direct, [record.id])).toEqual([expect.objectContaining({ accountId: account.accountId, entries: 3 })]);
      expect(outbox.worker.failures).toBe(0);
    } finally {
      await outbox.stop();
    }
  });
});
