import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeAccounts } from "../../server/http/test-support/fake-accounts";
import { ensureSelfSignedCertificate } from "../../server/daemon/self-signed-certificate";
import { startTestDaemon, type TestDaemon } from "../../server/http/test-support/start-test-daemon";
import { tempDir } from "../test-support/temp-dir";
import { createRemoteDriver, type RemoteDriver } from "./create-remote-driver";

const hex = (b: Buffer) => createHash("sha256").update(b).digest("hex");

// The remote driver keeps the StorageDriver semantics the repository relies on.
describe("remote driver", () => {
  let daemon: TestDaemon;
  let driver: RemoteDriver;

  beforeAll(async () => {
    const root = await tempDir("remote-driver");
    const accounts = await createFakeAccounts(path.join(root, "device"), [{ login: "alice", password: "alice-pw" }]);
    daemon = await startTestDaemon(root, accounts);
    driver = createRemoteDriver({ url: daemon.url, account: "alice", password: "alice-pw", ca: daemon.ca });
  }, 60_000);

  afterAll(async () => {
    await driver.finishSession(null);
    await daemon.shutdown();
  });

  it("writes, reads, ranges, stats, lists and deletes", async () => {
    const bytes = Buffer.from("pack bytes 0123456789");
    const key = `data/${hex(bytes).slice(0, 2)}/${hex(bytes)}`;
    await driver.write(key, bytes);
    expect(await driver.read(key)).toEqual(bytes);
    expect((await driver.readRange(key, 5, 5)).toString()).toBe("bytes");
    expect(await driver.readRange(key, 0, 0)).toEqual(Buffer.alloc(0));
    expect((await driver.stat(key))?.size).toBe(bytes.length);
    const listed: string[] = [];
    for await (const k of driver.list("data/")) listed.push(k);
    expect(listed).toEqual([key]);
    await driver.delete(key);
    expect(await driver.stat(key)).toBeNull();
    await driver.delete(key);
  });

  it("streams an upload from an async iterable", async () => {
    const parts = [Buffer.alloc(300_000, 1), Buffer.alloc(300_000, 2)];
    const key = `snapshots/${hex(Buffer.concat(parts))}`;
    await driver.write(key, (async function* () {
      yield* parts;
    })());
    expect((await driver.read(key)).equals(Buffer.concat(parts))).toBe(true);
  });

  it("refuses a server whose certificate is not the one it was told to trust", async () => {
    const other = await ensureSelfSignedCertificate(await tempDir("other-certificate"));
    const pinned = createRemoteDriver({ url: daemon.url, account: "alice", password: "alice-pw", ca: await fs.readFile(other.cert), retry: { attempts: 1 } });
    await expect(pinned.connect()).rejects.toThrow(/certificate/);
    await pinned.finishSession(null);
  });

  it("maps the server's errors to the driver's codes", async () => {
    const missing = `index/${"0".repeat(64)}`;
    await expect(driver.read(missing)).rejects.toMatchObject({ code: "not_found" });
    await expect(driver.read("../etc/passwd")).rejects.toMatchObject({ code: "invalid_key" });
    const bytes = Buffer.from("short");
    const key = `index/${hex(bytes)}`;
    await driver.write(key, bytes);
    await expect(driver.readRange(key, 3, 10)).rejects.toMatchObject({ code: "out_of_range" });
    const wrong = driver.write(`index/${"1".repeat(64)}`, bytes);
    await expect(wrong).rejects.toMatchObject({ code: "io", message: expect.stringMatching(/does not match its name/) });
  });
});
