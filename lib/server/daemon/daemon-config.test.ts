import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDaemonConfig } from "./daemon-config";

describe("loadDaemonConfig", () => {
  it("names the file for a missing file, bad JSON or a non-object, and the field for a bad value", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "daemon-config-"));
    const write = async (name: string, text: string) => {
      const file = path.join(dir, name);
      await fs.writeFile(file, text);
      return file;
    };
    await expect(loadDaemonConfig(path.join(dir, "absent.json"), {})).rejects.toThrow(/^cannot read config file .*absent\.json: ENOENT$/);
    await expect(loadDaemonConfig(await write("bad.json", "{bad"), {})).rejects.toThrow(/^config file .*bad\.json is not valid JSON: /);
    await expect(loadDaemonConfig(await write("list.json", "[]"), {})).rejects.toThrow(/is not valid JSON: not a JSON object$/);
    await expect(loadDaemonConfig(await write("type.json", '{"maxSessions":"x"}'), {})).rejects.toThrow(/^invalid server config: maxSessions: /);
    const ok = await loadDaemonConfig(await write("ok.json", '{"name":"b1","maxSessions":5}'), { STRONGROOM_MAX_SESSIONS: "7" });
    expect(ok).toMatchObject({ name: "b1", maxSessions: 7, stateDir: path.join(dir, ".data/server-state") });
    await fs.rm(dir, { recursive: true, force: true });
  });
});
