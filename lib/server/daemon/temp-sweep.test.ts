import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../client/test-support/temp-dir";
import { createFakeAccounts } from "../http/test-support/fake-accounts";
import { startTestDaemon } from "../http/test-support/start-test-daemon";

// Gap found in issue 4: after a kill -9 mid-upload, the upload's temp file stayed on the device
// for good. The daemon now sweeps stale temp files at start, but never a fresh one: another
// daemon mounting the same device may be writing it right now.
describe("temp files of interrupted uploads", () => {
  it("are swept from the devices at start once stale, and fresh ones are left alone", async () => {
    const root = await tempDir("temp-sweep");
    const device = path.join(root, "device");
    const packDir = path.join(device, "accounts", "alice", "repo", "data", "ab");
    await fs.mkdir(packDir, { recursive: true });
    const stale = path.join(packDir, ".tmp~0123456789abcdef01234567");
    const fresh = path.join(packDir, ".tmp~fedcba9876543210fedcba98");
    const object = path.join(packDir, "ab".padEnd(64, "0"));
    for (const file of [stale, fresh, object]) await fs.writeFile(file, "partial upload");
    // Left by a daemon killed an hour ago (requestTimeoutSeconds is 60 here).
    const anHourAgo = new Date(Date.now() - 3_600_000);
    await fs.utimes(stale, anHourAgo, anHourAgo);
    await fs.utimes(object, anHourAgo, anHourAgo);

    const accounts = await createFakeAccounts(path.join(root, "unused"), []);
    const daemon = await startTestDaemon(root, accounts, {}, { devices: [{ id: 1, root: device }] });
    try {
      await expect.poll(() => fs.access(stale).then(() => true, () => false), { timeout: 10_000 }).toBe(false);
      await expect(fs.readFile(fresh, "utf8")).resolves.toBe("partial upload");
      await expect(fs.readFile(object, "utf8")).resolves.toBe("partial upload");
    } finally {
      await daemon.shutdown();
    }
  });
});
