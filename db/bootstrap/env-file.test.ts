import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getEnvValue, randomSecret, readEnvFile, setEnvValues, updateEnvFile } from "./env-file";

describe("env file updater", () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "strongroom-envfile-"));
    file = path.join(dir, ".env.local");
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("creates a private file when none exists", async () => {
    expect(await readEnvFile(file)).toBe("");
    expect(await updateEnvFile(file, { DATABASE_URL: "mysql://root@127.0.0.1:3306/strongroom" })).toBe(true);
    expect(await readFile(file, "utf8")).toBe("DATABASE_URL=mysql://root@127.0.0.1:3306/strongroom\n");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it("replaces the key's line in place and keeps every other line", async () => {
    const before = "# my settings\nAUTH_URL=https://backup.example.com\n\nDATABASE_URL=mysql://old@db:3306/x\n# DATABASE_URL=commented\nSTRONGROOM_DEMO_PORT=3100\n";
    await writeFile(file, before, { mode: 0o640 });
    await updateEnvFile(file, { DATABASE_URL: "mysql://root@127.0.0.1:4000/strongroom" });
    expect(await readFile(file, "utf8")).toBe(before.replace("mysql://old@db:3306/x", "mysql://root@127.0.0.1:4000/strongroom"));
    expect((await stat(file)).mode & 0o777).toBe(0o640);
  });

  it("appends a missing key, adding the newline the file lacked", async () => {
    await writeFile(file, "AUTH_URL=https://a.example\n# note");
    await updateEnvFile(file, { AUTH_SECRET: "s3cret" });
    expect(await readFile(file, "utf8")).toBe("AUTH_URL=https://a.example\n# note\nAUTH_SECRET=s3cret\n");
  });

  it("is idempotent: the same values change nothing", async () => {
    await updateEnvFile(file, { A: "1", B: "2" });
    expect(await updateEnvFile(file, { A: "1", B: "2" })).toBe(false);
    expect(await readFile(file, "utf8")).toBe("A=1\nB=2\n");
  });

  it("rewrites `export KEY=` lines and every duplicate, so the last one cannot win with an old value", () => {
    expect(setEnvValues("export A=1\nA=2\n", { A: "3" })).toBe("A=3\nA=3\n");
  });

  it("reads values the way dotenv does", () => {
    const text = "A=plain # comment\nB=\"quoted # not a comment\"\nC=first\nC=last\n#D=x\n";
    expect(getEnvValue(text, "A")).toBe("plain");
    expect(getEnvValue(text, "B")).toBe("quoted # not a comment");
    expect(getEnvValue(text, "C")).toBe("last");
    expect(getEnvValue(text, "D")).toBeUndefined();
  });

  it("refuses values that would break the file", () => {
    expect(() => setEnvValues("", { A: "x\nB=y" })).toThrow(/one line/);
    expect(() => setEnvValues("", { "A B": "x" })).toThrow(/invalid env key/);
  });

  it("makes 32-byte secrets", () => {
    expect(Buffer.from(randomSecret(), "base64")).toHaveLength(32);
    expect(randomSecret()).not.toBe(randomSecret());
  });
});
