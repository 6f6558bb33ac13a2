import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/db";
import type { ActivityDelivery } from "../../core/outbox/activity-delivery";
import { appendAndKill } from "../../core/outbox/fixtures/run-append-child";
import { sampleActivity } from "../../core/outbox/fixtures/sample-activity";
import { openStateDirectory } from "../../core/outbox/open-state-directory";
import { openOutbox } from "../../core/outbox/outbox";
import { createOutboxWorker } from "../../core/outbox/outbox-worker";
import { createSessionJournal } from "../../core/sessions/session-journal";
import type { StorageDriver } from "../../core/storage/driver";
import { startActivityOutbox } from "./start-activity-outbox";
import { storeActivity } from "./store-activity";
import { storedActivities, threeAccounts } from "./test-support/stored-activities";

const db = openTestDatabase();
let accounts: Awaited<ReturnType<typeof threeAccounts>>;
const dirs: string[] = [];
beforeAll(async () => {
  accounts = await threeAccounts(db);
});
afterAll(() => Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true }))));

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "strongroom-recovery-"));
  dirs.push(dir);
  return dir;
}

const deliverer = (outbox: Awaited<ReturnType<typeof openOutbox<ActivityDelivery>>>) =>
  createOutboxWorker({ outbox, deliver: (d) => storeActivity(db, d), pollIntervalMs: 60_000 });

describe("daemon crashes around the outbox", () => {
  it("kill -9 after append: the next worker stores every durable item exactly once", async () => {
    const dir = await tempDir();
    const outcome = await appendAndKill(dir, 1_000, accounts[0].accountId, /^appended 10 /m);
    expect(outcome.signal).toBe("SIGKILL");

    const outbox = await openOutbox<ActivityDelivery>({ driver: await openStateDirectory(dir) });
    const ids = await Promise.all((await outbox.pending()).map(async (id) => (await outbox.read(id)).record.id));
    expect(ids.slice(0, outcome.appended.length)).toEqual(outcome.appended);
    expect(await deliverer(outbox).drain()).toMatchObject({ delivered: ids.length, remaining: 0, error: null });
    expect(await deliverer(outbox).drain()).toMatchObject({ delivered: 0 });
    const stored = await storedActivities(db, ids);
    expect(stored.map((s) => s.key).sort()).toEqual([...ids].sort());
    expect(stored.every((s) => s.entries === 3 && s.accountId === accounts[0].accountId)).toBe(true);
  }, 20_000);

  it("a crash between commit and acknowledge redelivers the item, which changes nothing", async () => {
    const dir = await tempDir();
    const disk = await openStateDirectory(dir);
    // The process "dies" at acknowledge: the commit happened, the outbox file is still there.
    const dying: StorageDriver = { ...disk, delete: () => Promise.reject(new Error("killed before acknowledge")) };
    const before = await openOutbox<ActivityDelivery>({ driver: dying });
    const record = sampleActivity({}, 4);
    await before.append({ accountId: accounts[1].accountId, serverId: null, record });
    expect(await deliverer(before).drain()).toMatchObject({ delivered: 0, remaining: 1 });
    expect(await storedActivities(db, [record.id])).toHaveLength(1);

    const after = await openOutbox<ActivityDelivery>({ driver: disk });
    expect(await deliverer(after).drain()).toMatchObject({ delivered: 1, remaining: 0 });
    expect(await storedActivities(db, [record.id])).toEqual([expect.objectContaining({ entries: 4 })]);
  });
});

describe("sessions running when the daemon died", () => {
  it("become interrupted activities exactly once, and a record already queued wins", async () => {
    const stateDir = await tempDir();
    const journal = createSessionJournal(await openStateDirectory(path.join(stateDir, "sessions")));
    const outbox = await openOutbox<ActivityDelivery>({ driver: await openStateDirectory(path.join(stateDir, "outbox")) });
    const [lost1, lost2, finished] = accounts.map((a) => ({ accountId: a.accountId, serverId: null, record: sampleActivity({}, 2) }));
    if (!lost1 || !lost2 || !finished) throw new Error("three accounts expected");
    for (const { accountId, record } of [lost1, lost2, finished]) {
      const header = { id: record.id, kind: record.kind, startedAt: record.startedAt, host: record.host, clientVersion: record.clientVersion };
      await journal.begin({ header, accountId, serverId: null });
    }
    // This one finished and was queued, but the daemon died before clearing the journal.
    await outbox.append(finished);

    const first = await startActivityOutbox({ db, stateDir, serverId: null, pollIntervalMs: 60_000 });
    expect(first.interrupted.map((s) => s.header.id).sort()).toEqual([lost1, lost2, finished].map((d) => d.record.id).sort());
    await first.worker.drain();
    await first.stop();
    const second = await startActivityOutbox({ db, stateDir, serverId: null, pollIntervalMs: 60_000 });
    expect(second.interrupted).toEqual([]);
    expect(await second.worker.drain()).toMatchObject({ delivered: 0, remaining: 0 });
    await second.stop();

    const stored = await storedActivities(db, [lost1, lost2, finished].map((d) => d.record.id));
    const status = Object.fromEntries(stored.map((s) => [s.key, [s.status, s.entries]]));
    expect(stored).toHaveLength(3);
    expect(status).toEqual({ [lost1.record.id]: ["interrupted", 1], [lost2.record.id]: ["interrupted", 1], [finished.record.id]: ["success", 2] });
  });
});
