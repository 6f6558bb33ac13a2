import { createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeAccounts } from "../../server/http/test-support/fake-accounts";
import { startTestDaemon, type TestDaemon } from "../../server/http/test-support/start-test-daemon";
import { tempDir } from "../test-support/temp-dir";
import { createRemoteDriver, type RemoteDriver } from "./create-remote-driver";

// Gap found in issue 4: a restore through the daemon read every small file's blobs with a range
// request of its own, one round trip after another. Small reads of a pack now share windows.
describe("range reads of packs through the daemon", () => {
  let daemon: TestDaemon;
  let driver: RemoteDriver;
  const gets: number[] = [];
  const pack = randomBytes(3 * 1024 * 1024 + 123);
  const hash = createHash("sha256").update(pack).digest("hex");
  const key = `data/${hash.slice(0, 2)}/${hash}`;

  beforeAll(async () => {
    const root = await tempDir("read-ahead");
    const accounts = await createFakeAccounts(path.join(root, "device"), [{ login: "alice", password: "alice-pw" }]);
    daemon = await startTestDaemon(root, accounts);
    driver = createRemoteDriver({ url: daemon.url, account: "alice", password: "alice-pw", ca: daemon.ca, onResponse: (e) => e.method === "GET" && gets.push(e.status) });
    await driver.write(key, pack);
  }, 60_000);
  afterAll(async () => {
    await driver.finishSession(null);
    await daemon.shutdown();
  });

  it("answers a run of small adjacent reads from one request, byte for byte", async () => {
    gets.length = 0;
    const reads = Array.from({ length: 40 }, (_, i) => ({ offset: 1000 + i * 20_000, length: 15_000 + i }));
    // Four at a time, as a restore writes four files at once.
    for (let i = 0; i < reads.length; i += 4) {
      const batch = reads.slice(i, i + 4);
      const got = await Promise.all(batch.map((r) => driver.readRange(key, r.offset, r.length)));
      got.forEach((bytes, j) => expect(bytes.equals(pack.subarray(batch[j]!.offset, batch[j]!.offset + batch[j]!.length))).toBe(true));
    }
    expect(gets).toEqual([206]);
  });

  it("reads near the end through a window the server cuts short, and refuses a range past the end", async () => {
    const tail = await driver.readRange(key, pack.length - 500, 500);
    expect(tail.equals(pack.subarray(pack.length - 500))).toBe(true);
    await expect(driver.readRange(key, pack.length - 100, 200)).rejects.toMatchObject({ code: "out_of_range" });
    await expect(driver.readRange(key, pack.length + 10, 5)).rejects.toMatchObject({ code: "out_of_range" });
  });

  it("hands out copies: changing one answer does not change the next", async () => {
    const first = await driver.readRange(key, 64, 32);
    first.fill(0);
    expect((await driver.readRange(key, 64, 32)).equals(pack.subarray(64, 96))).toBe(true);
  });

  it("reads into a caller's shared buffer, small reads from a window and large ones directly", async () => {
    const shared = Buffer.from(new SharedArrayBuffer(4 * 1024 * 1024)).fill(0xee);
    const small = shared.subarray(10, 10 + 5000);
    await driver.readRangeInto!(key, 2_000_000, small);
    expect(small.equals(pack.subarray(2_000_000, 2_005_000))).toBe(true);
    const large = shared.subarray(6000, 6000 + 1_500_000);
    await driver.readRangeInto!(key, 100, large);
    expect(large.equals(pack.subarray(100, 1_500_100))).toBe(true);
    expect(shared.subarray(0, 10).every((b) => b === 0xee) && shared.subarray(5010, 6000).every((b) => b === 0xee)).toBe(true);
    expect(shared.subarray(1_506_000).every((b) => b === 0xee)).toBe(true);
    await expect(driver.readRangeInto!(key, pack.length - 100, Buffer.alloc(200))).rejects.toMatchObject({ code: "out_of_range" });
    await expect(driver.readRangeInto!(key, pack.length - 1_000_000, Buffer.alloc(1_500_000))).rejects.toMatchObject({ code: "out_of_range" });
  });

  it("streams a large range in pieces, exact at every piece boundary", async () => {
    const offset = 777;
    const length = 2 * 1024 * 1024 + 4321;
    expect((await driver.readRange(key, offset, length)).equals(pack.subarray(offset, offset + length))).toBe(true);
  });
});
