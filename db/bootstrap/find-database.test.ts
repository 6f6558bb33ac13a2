import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDatabaseName } from "../admin";
import { findDatabase, NoDatabaseServerError } from "./find-database";
import { findFreePort } from "./free-port";
import { findMariadbBinaries, startPrivateMariadb, stopPrivateMariadb } from "./private-mariadb";

async function databases(serverUrl: string): Promise<string[]> {
  const c = await mysql.createConnection({ uri: serverUrl });
  try {
    const [rows] = await c.query<mysql.RowDataPacket[]>("SHOW DATABASES");
    return rows.map((r) => String(r.Database)).sort();
  } finally {
    await c.end();
  }
}

// The decision order of `npm run db:up`, against real servers: a private instance stands in for
// "a server that answers" and an unused port for "one that does not", so the system MariaDB on
// 3306 is never consulted.
describe.skipIf(!findMariadbBinaries())("findDatabase", () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "strongroom-find-"));
    dirs.push(dir);
    return dir;
  };
  let serverUrl: string;
  let deadUrl: string;
  beforeAll(async () => {
    serverUrl = (await startPrivateMariadb(await tempDir())).serverUrl;
    deadUrl = `mysql://root@127.0.0.1:${await findFreePort()}/`;
  }, 60_000);
  afterAll(async () => {
    for (const dir of dirs) {
      await stopPrivateMariadb(dir);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("uses a configured URL that answers and creates only its database", async () => {
    const before = await databases(serverUrl);
    const configuredUrl = withDatabaseName(serverUrl, "sr_configured");
    const choice = await findDatabase({ configuredUrl, privateDir: await tempDir(), localServerUrl: deadUrl });
    expect(choice).toMatchObject({ url: configuredUrl, source: "configured", notes: [] });
    expect(await databases(serverUrl)).toEqual([...before, "sr_configured"].sort());
    // Idempotent: a second run changes nothing.
    expect(await findDatabase({ configuredUrl, privateDir: await tempDir(), localServerUrl: deadUrl })).toEqual(choice);
    expect(await databases(serverUrl)).toEqual([...before, "sr_configured"].sort());
  });

  it("falls back to the local server, naming the configured URL that did not answer", async () => {
    const choice = await findDatabase({
      configuredUrl: withDatabaseName(deadUrl.replace("root@", "root:hunter2@"), "elsewhere"),
      privateDir: await tempDir(),
      localServerUrl: serverUrl,
      binaries: null,
    });
    expect(choice).toMatchObject({ url: withDatabaseName(serverUrl, "strongroom"), source: "local-server" });
    expect(choice.notes.join("\n")).toMatch(/does not answer/);
    expect(choice.notes.join("\n")).not.toContain("hunter2");
    expect(await databases(serverUrl)).toContain("strongroom");
  });

  it("names the package to install when nothing answers and no server is installed", async () => {
    const attempt = findDatabase({ privateDir: await tempDir(), localServerUrl: deadUrl, binaries: null });
    await expect(attempt).rejects.toBeInstanceOf(NoDatabaseServerError);
    await expect(attempt).rejects.toThrow("apt-get install mariadb-server");
  });

  it("starts a private instance, then reuses it, then restarts it on the same port", async () => {
    const privateDir = await tempDir();
    const first = await findDatabase({ privateDir, localServerUrl: deadUrl });
    expect(first.source).toBe("private");
    expect(first.description).toMatch(/\(started, port \d+\)/);
    expect(new URL(first.url).pathname).toBe("/strongroom");

    // Later runs see the URL the first one recorded as DATABASE_URL.
    const again = await findDatabase({ configuredUrl: first.url, privateDir, localServerUrl: deadUrl });
    expect(again).toMatchObject({ url: first.url, source: "private" });
    expect(again.description).toMatch(/already running/);

    await stopPrivateMariadb(privateDir);
    // Even with another server answering, a stopped private instance that was chosen before wins.
    const restarted = await findDatabase({ configuredUrl: first.url, privateDir, localServerUrl: serverUrl });
    expect(restarted).toMatchObject({ url: first.url, source: "private", notes: [] });
    expect(restarted.description).toMatch(/restarted/);
  }, 60_000);
});
