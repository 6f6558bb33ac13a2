import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runDriverContract } from "./driver-contract";
import { expectStorageError, listKeys } from "./driver-contract-helpers";
import { createLocalDriver } from "./local-driver";

async function makeRoot(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), "strongroom-local-"));
}

runDriverContract("local", async () => {
  const root = await makeRoot();
  return {
    driver: createLocalDriver(root),
    cleanup: () => fs.rm(root, { recursive: true, force: true }),
  };
});

describe("local driver on disk", () => {
  it("stores objects as files at their key path, 0600 in 0700 directories", async () => {
    const root = await makeRoot();
    await createLocalDriver(root).write("data/3f/3f9a", Buffer.from("pack"));
    expect(await fs.readFile(path.join(root, "data/3f/3f9a"), "utf8")).toBe("pack");
    expect((await fs.stat(path.join(root, "data/3f/3f9a"))).mode & 0o777).toBe(0o600);
    expect((await fs.stat(path.join(root, "data/3f"))).mode & 0o777).toBe(0o700);
    expect(await fs.readdir(path.join(root, "data/3f"))).toEqual(["3f9a"]);
    await fs.rm(root, { recursive: true });
  });

  it("hides temp files from list and sweeps only those older than the given age", async () => {
    const root = await makeRoot();
    const driver = createLocalDriver(root);
    await driver.write("data/aa/obj", Buffer.from("x"));
    const old = path.join(root, "data/aa/.tmp~dead0001");
    const recent = path.join(root, ".tmp~live0002");
    await fs.writeFile(old, "partial");
    await fs.writeFile(recent, "partial");
    const hourAgo = new Date(Date.now() - 3_600_000);
    await fs.utimes(old, hourAgo, hourAgo);

    expect(await listKeys(driver, "")).toEqual(["data/aa/obj"]);
    expect(await driver.sweepTemp(600_000)).toBe(1);
    await expect(fs.stat(old)).rejects.toThrow();
    expect(await fs.readFile(recent, "utf8")).toBe("partial");
    expect(await driver.sweepTemp(0)).toBe(1);
    expect(await fs.readdir(root)).toEqual(["data"]);
    await fs.rm(root, { recursive: true });
  });

  it("ignores foreign entries: names that cannot be keys, symlinks", async () => {
    const root = await makeRoot();
    const outside = await makeRoot();
    await fs.mkdir(path.join(root, "lost+found"));
    await fs.writeFile(path.join(root, "lost+found/1234"), "x");
    await fs.writeFile(path.join(root, "read me.txt"), "x");
    await fs.writeFile(path.join(outside, "secret"), "x");
    await fs.symlink(outside, path.join(root, "linked"));
    const driver = createLocalDriver(root);
    await driver.write("real", Buffer.from("x"));
    expect(await listKeys(driver, "")).toEqual(["real"]);
    expect(await driver.sweepTemp(0)).toBe(0);
    await Promise.all([root, outside].map((dir) => fs.rm(dir, { recursive: true })));
  });

  it("never creates a missing device root (an unmounted disk) and answers io", async () => {
    const parent = await makeRoot();
    const root = path.join(parent, "not-mounted");
    const driver = createLocalDriver(root);
    await expectStorageError(driver.write("data/x", Buffer.from("x")), "io");
    await expect(fs.stat(root)).rejects.toThrow();
    // Listing a missing root must not look like an empty device to prune or a mover.
    await expectStorageError(listKeys(driver, ""), "io");
    await expectStorageError(listKeys(driver, "data/"), "io");
    await expectStorageError(driver.sweepTemp(0), "io");
    await fs.rm(parent, { recursive: true });
  });
});
