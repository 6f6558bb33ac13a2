import { describe, expect, it } from "vitest";
import { initRepository } from "./init-repository";
import { openRepository } from "./open-repository";
import { initSmall, memoryDriver, pseudoRandom, readFile, saveFile } from "./test-helpers";
import { TEST_KDF } from "./constants";

describe("opening a repository", () => {
  it("refuses storage without a repository", async () => {
    const driver = memoryDriver();
    await driver.write("something-else", Buffer.from("x"));
    await expect(openRepository(driver, { passphrase: "p" })).rejects.toMatchObject({ code: "not_a_repository" });
    await driver.write("config", Buffer.from("not json"));
    await expect(openRepository(driver, { passphrase: "p" })).rejects.toMatchObject({ code: "not_a_repository" });
  });

  it("refuses a wrong passphrase", async () => {
    const driver = memoryDriver();
    await initSmall(driver);
    await expect(openRepository(driver, { passphrase: "wrong" })).rejects.toMatchObject({ code: "wrong_passphrase" });
  });

  it("names a newer format version before asking for the key", async () => {
    const driver = memoryDriver();
    await initSmall(driver);
    const config = JSON.parse((await driver.read("config")).toString()) as { version: number };
    config.version = 2;
    await driver.write("config", Buffer.from(JSON.stringify(config)));
    const error = await openRepository(driver, { passphrase: "wrong anyway" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "unsupported_version" });
    expect(String((error as Error).message)).toMatch(/version 2/);
  });

  it("refuses an altered config (e.g. chunker sizes changed behind our back)", async () => {
    const driver = memoryDriver();
    await initSmall(driver);
    const config = JSON.parse((await driver.read("config")).toString()) as { chunker: { minSize: number } };
    config.chunker.minSize = 4096;
    await driver.write("config", Buffer.from(JSON.stringify(config)));
    await expect(openRepository(driver, { passphrase: "correct horse" })).rejects.toMatchObject({ code: "damaged" });
  });

  it("refuses to init twice", async () => {
    const driver = memoryDriver();
    await initSmall(driver);
    await expect(initSmall(driver)).rejects.toMatchObject({ code: "already_exists" });
  });

  it("changes the passphrase without rewriting data: only the new one opens", async () => {
    const driver = memoryDriver();
    const repo = await initSmall(driver);
    const data = pseudoRandom(300_000, 9);
    const ids = await saveFile(repo, data);
    await repo.flush();
    const dataKeys: string[] = [];
    for await (const k of driver.list("data/")) dataKeys.push(k);
    await expect(repo.changePassphrase("not the old one", "new")).rejects.toMatchObject({ code: "wrong_passphrase" });
    await repo.changePassphrase("correct horse", "battery staple");
    await expect(openRepository(driver, { passphrase: "correct horse" })).rejects.toMatchObject({ code: "wrong_passphrase" });
    const again = await openRepository(driver, { passphrase: "battery staple" });
    expect((await readFile(again, ids)).equals(data)).toBe(true);
    const after: string[] = [];
    for await (const k of driver.list("data/")) after.push(k);
    expect(after.sort()).toEqual(dataKeys.sort());
  });

  it("derives keys with argon2id too", async () => {
    const driver = memoryDriver();
    await initRepository(driver, { passphrase: "pw", kdf: { algorithm: "argon2id", memoryKiB: 1024, iterations: 1, parallelism: 1 } });
    await expect(openRepository(driver, { passphrase: "pw" })).resolves.toBeTruthy();
    await expect(openRepository(driver, { passphrase: "pw2" })).rejects.toMatchObject({ code: "wrong_passphrase" });
    expect(TEST_KDF.algorithm).toBe("scrypt");
  });
});
