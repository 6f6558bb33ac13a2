import { readFile } from "node:fs/promises";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAnswers } from "../admin";
import { findMariadbBinaries, recordedPort, runningPid, startPrivateMariadb, stopPrivateMariadb } from "./private-mariadb";

// A real server in a temp dir on an OS-chosen port: independent of whatever listens on 3306.
describe.skipIf(!findMariadbBinaries())("private MariaDB", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "strongroom-mariadb-"));
  });
  afterAll(async () => {
    await stopPrivateMariadb(dir);
    await rm(dir, { recursive: true, force: true });
  });

  it("initialises, starts detached, is reused, stops by pid file and restarts on its port", async () => {
    const first = await startPrivateMariadb(dir);
    expect(first.state).toBe("started");
    expect(first.serverUrl).toBe(`mysql://root@127.0.0.1:${first.port}/`);
    expect(await serverAnswers(first.serverUrl)).toBe(true);
    expect(await recordedPort(dir)).toBe(first.port);

    // Detached: it leads its own session, so it survives the terminal and script that started it.
    const pid = await runningPid(dir);
    expect(pid).toBeGreaterThan(0);
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    const session = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[3]);
    expect(session).toBe(pid);

    expect(await startPrivateMariadb(dir)).toEqual({ ...first, state: "running" });

    expect(await stopPrivateMariadb(dir)).toBe(true);
    expect(await runningPid(dir)).toBeUndefined();
    expect(await serverAnswers(first.serverUrl)).toBe(false);
    expect(await stopPrivateMariadb(dir)).toBe(false);

    expect(await startPrivateMariadb(dir)).toEqual({ ...first, state: "restarted" });
  }, 60_000);

  it("moves to a new port when someone else took the recorded one", async () => {
    const before = await startPrivateMariadb(dir);
    await stopPrivateMariadb(dir);
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(before.port, "127.0.0.1", resolve));
    try {
      const after = await startPrivateMariadb(dir);
      expect(after.state).toBe("started");
      expect(after.port).not.toBe(before.port);
      expect(await recordedPort(dir)).toBe(after.port);
      expect(await serverAnswers(after.serverUrl)).toBe(true);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  }, 60_000);
});
