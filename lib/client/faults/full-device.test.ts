import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createFaultDriver } from "../../core/storage/fault-driver";
import { createLocalDriver } from "../../core/storage/local-driver";
import { createMemoryDriver } from "../../core/storage/memory-driver";
import { seededBytes } from "../test-support/make-source-tree";
import { runMain } from "../test-support/run-main";
import { cliEnv, jsonLines } from "../test-support/spawn-cli";
import { createCliWorkspace } from "../test-support/cli-workspace";

/** Every file of the repository with the hash of its bytes. */
async function fingerprint(repo: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await fs.readdir(repo, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(repo, file), createHash("sha256").update(await fs.readFile(file)).digest("hex"));
  }
  return out;
}

describe("a full storage device", () => {
  let repo: string;
  let src: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    ({ repo, src, env } = await createCliWorkspace("full"));
    await fs.writeFile(path.join(src, "first.bin"), seededBytes(512 * 1024, 1));
    expect((await runMain(["backup", src], env)).code).toBe(0);
  });

  it("fails with a clear error and a failed activity, leaving existing objects untouched", async () => {
    const before = await fingerprint(repo);
    await fs.writeFile(path.join(src, "second.bin"), seededBytes(2 * 1024 * 1024, 2));
    // Room for about half of the new data: the device fills up in the middle of the backup.
    const run = await runMain(["backup", "--json", src], env, {
      createDriver: (p) => createFaultDriver(createLocalDriver(p), { noSpaceAfterBytes: 1024 * 1024 }),
    });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stderr.trim().split("\n").at(-1) as string)).toMatchObject({ message_type: "exit_error", message: "The storage device is full." });
    const activity = jsonLines(run.stdout).find((l) => l.message_type === "activity");
    expect(activity).toMatchObject({ kind: "backup", status: "failed", summary: "The storage device is full.", snapshotId: null });
    const after = await fingerprint(repo);
    for (const [key, hash] of before) expect(after.get(key), key).toBe(hash);
    expect([...after.keys()].filter((k) => k.startsWith("snapshots/"))).toEqual([...before.keys()].filter((k) => k.startsWith("snapshots/")));

    // With room again, the next backup succeeds and the repository checks clean.
    expect((await runMain(["backup", src], env)).code).toBe(0);
    const check = await runMain(["check", "--read-data"], env);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it("reports a memory device without room as full too", async () => {
    const device = createMemoryDriver({ capacityBytes: 256 * 1024 });
    const memEnv = cliEnv("/memory/repo");
    const createDriver = () => device;
    expect((await runMain(["init"], memEnv, { createDriver })).code).toBe(0);
    const run = await runMain(["backup", src], memEnv, { createDriver });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("strongroom: The storage device is full.");
  });
});
