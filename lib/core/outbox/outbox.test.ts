import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createMemoryDriver } from "../storage/memory-driver";
import { openStateDirectory } from "./open-state-directory";
import { openOutbox } from "./outbox";
import { CorruptOutboxItemError } from "./permanent-error";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "strongroom-outbox-"));
  dirs.push(dir);
  return dir;
}

describe("outbox on disk", () => {
  it("keeps items across reopen, oldest first, and forgets them once acknowledged", async () => {
    const dir = path.join(await tempDir(), "state", "outbox");
    const outbox = await openOutbox<{ n: number }>({ driver: await openStateDirectory(dir) });
    const ids = [];
    for (let n = 0; n < 5; n += 1) ids.push(await outbox.append({ n }));
    expect(outbox.depth).toBe(5);

    const reopened = await openOutbox<{ n: number }>({ driver: await openStateDirectory(dir) });
    expect(reopened.depth).toBe(5);
    const pending = await reopened.pending();
    expect(pending).toEqual(ids);
    expect(await Promise.all(pending.map((id) => reopened.read(id)))).toEqual([0, 1, 2, 3, 4].map((n) => ({ n })));

    await reopened.acknowledge(ids[0] ?? "");
    await reopened.acknowledge(ids[0] ?? "");
    expect(await reopened.pending()).toEqual(ids.slice(1));
    expect(await fs.readdir(path.join(dir, "pending"))).toHaveLength(4);
  });

  it("parks an item in dead/ with its reason", async () => {
    const outbox = await openOutbox<{ n: number }>({ driver: await openStateDirectory(await tempDir()) });
    const id = await outbox.append({ n: 7 });
    await outbox.park(id, "account 42 does not exist");
    expect(await outbox.pending()).toEqual([]);
    expect(await outbox.dead()).toEqual([id]);
    expect(outbox.deadCount).toBe(1);
    expect(await outbox.readDead(id)).toMatchObject({ reason: "account 42 does not exist", item: { n: 7 } });
  });
});

describe("outbox ordering", () => {
  it("keeps append order when the clock stands still or steps backwards, also after reopen", async () => {
    const driver = createMemoryDriver();
    let t = Date.UTC(2025, 0, 1);
    const now = () => new Date(t);
    const first = await openOutbox<number>({ driver, now });
    const ids = [await first.append(1), await first.append(2)];
    t -= 3_600_000; // NTP stepped the clock back an hour, then the daemon restarted
    const second = await openOutbox<number>({ driver, now });
    ids.push(await second.append(3), await second.append(4));
    const pending = await second.pending();
    expect(pending).toEqual(ids);
    expect(await Promise.all(pending.map((id) => second.read(id)))).toEqual([1, 2, 3, 4]);
  });

  it("refuses ids that are not entry ids before touching the disk", async () => {
    const outbox = await openOutbox<number>({ driver: createMemoryDriver() });
    await expect(outbox.read("../../etc/passwd")).rejects.toMatchObject({ code: "invalid_key" });
    await expect(outbox.acknowledge("x")).rejects.toMatchObject({ code: "invalid_key" });
  });

  it("reports a file that is not an outbox item as corrupt, and can still park it", async () => {
    const driver = createMemoryDriver();
    const outbox = await openOutbox<number>({ driver });
    const id = await outbox.append(1);
    await driver.write(`pending/${id}.json`, Buffer.from("{ not json"));
    await expect(outbox.read(id)).rejects.toBeInstanceOf(CorruptOutboxItemError);
    await outbox.park(id, "unreadable");
    expect(await outbox.readDead(id)).toMatchObject({ item: "{ not json" });
  });
});
