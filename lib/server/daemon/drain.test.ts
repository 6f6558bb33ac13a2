import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../../client/test-support/temp-dir";
import { createFakeAccounts } from "../http/test-support/fake-accounts";
import { httpText, rawHttps } from "../http/test-support/raw-https";
import { startTestDaemon } from "../http/test-support/start-test-daemon";

const serverBin = path.resolve(import.meta.dirname, "../../../bin/strongroom-server");

describe("graceful shutdown", () => {
  it("drains: refuses new sessions, lets the running one finish, then stops", async () => {
    const root = await tempDir("drain");
    const accounts = await createFakeAccounts(path.join(root, "device"), [
      { login: "alice", password: "alice-pw" },
      { login: "bob", password: "bob-pw" },
    ]);
    const daemon = await startTestDaemon(root, accounts, { drainSeconds: 20 });
    const send = (req: Buffer) => rawHttps(daemon.port, daemon.ca, req);
    const header = { id: "a".repeat(32), kind: "backup", startedAt: new Date().toISOString(), host: "h", clientVersion: "t" };
    const open = await send(httpText("POST", "/v1/sessions", { login: "alice", password: "alice-pw", body: JSON.stringify({ kind: "backup", activity: header }) }));
    const session = (JSON.parse(open.body) as { id: string }).id;

    let stopped = false;
    const stopping = daemon.shutdown().then(() => (stopped = true));
    expect((await send(httpText("GET", "/healthz"))).status).toBe(503);
    const refused = await send(httpText("POST", "/v1/sessions", { login: "bob", password: "bob-pw", body: JSON.stringify({ kind: "backup" }) }));
    expect(refused.status).toBe(503);
    expect(refused.body).toMatch(/shutting down/);
    // The running session still works...
    const put = await send(httpText("PUT", `/v1/objects/locks/${"cd".repeat(16)}`, { login: "alice", password: "alice-pw", session, body: "{}" }));
    expect(put.status).toBe(201);
    expect(stopped).toBe(false);
    // ...and its end (with its record, queued durably) lets the daemon stop well before the deadline.
    const record = { ...header, status: "success", endedAt: new Date().toISOString(), figures: { files: 1, bytesScanned: 1, bytesNew: 1, bytesStored: 1, dedupRatio: 0, durationMs: 5 }, snapshotId: null, summary: null, warningCount: 0, errorCount: 0, entries: [] };
    const finish = await send(httpText("POST", `/v1/sessions/${session}/finish`, { login: "alice", password: "alice-pw", body: JSON.stringify({ record }) }));
    expect(finish.status).toBe(200);
    const started = Date.now();
    await stopping;
    expect(Date.now() - started).toBeLessThan(3_000);
    const pending = await fs.readdir(path.join(daemon.stateDir, "outbox", "pending"));
    expect(pending).toHaveLength(1);
    // The session journal is empty: nothing will be reported interrupted at the next start.
    expect(await fs.readdir(path.join(daemon.stateDir, "sessions", "running")).catch(() => [])).toEqual([]);
  });

  it("records a session still running at the drain deadline as interrupted", async () => {
    const root = await tempDir("drain-deadline");
    const accounts = await createFakeAccounts(path.join(root, "device"), [{ login: "alice", password: "alice-pw" }]);
    const daemon = await startTestDaemon(root, accounts, { drainSeconds: 0.3 });
    const header = { id: "b".repeat(32), kind: "backup", startedAt: new Date().toISOString(), host: "h", clientVersion: "t" };
    const open = await rawHttps(daemon.port, daemon.ca, httpText("POST", "/v1/sessions", { login: "alice", password: "alice-pw", body: JSON.stringify({ kind: "backup", activity: header }) }));
    expect(open.status).toBe(201);
    await daemon.shutdown();
    const pending = path.join(daemon.stateDir, "outbox", "pending");
    const [item] = await fs.readdir(pending);
    const queued = JSON.parse(await fs.readFile(path.join(pending, item ?? ""), "utf8")) as { item: { record: { id: string; status: string } } };
    expect(queued.item.record).toMatchObject({ id: header.id, status: "interrupted" });
  });

  it("bin/strongroom-server serves with a self-signed certificate and exits 0 on SIGTERM", async () => {
    const root = await tempDir("bin-server");
    const env: NodeJS.ProcessEnv = { ...process.env, STRONGROOM_LISTEN_HOST: "127.0.0.1", STRONGROOM_LISTEN_PORT: "0", STRONGROOM_STATE_DIR: path.join(root, "state"), STRONGROOM_SERVER_NAME: "t1" };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [serverBin, "--self-signed", path.join(root, "tls")], { env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /"port":(\d+)/.exec(out);
        if (m?.[1]) resolve(Number(m[1]));
      });
      child.on("exit", () => reject(new Error(`server exited: ${out}`)));
    });
    const ca = await fs.readFile(path.join(root, "tls", "server-cert.pem"));
    expect((await rawHttps(port, ca, httpText("GET", "/healthz"))).status).toBe(200);
    const metrics = await rawHttps(port, ca, httpText("GET", "/metrics"));
    expect(metrics.body).toMatch(/^strongroom_sessions_active 0$/m);
    expect(metrics.body).toMatch(/^strongroom_outbox_depth 0$/m);
    const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(out).toMatch(/"msg":"stopped"/);
    expect(out).not.toMatch(/authorization|password/i);
  }, 30_000);
});
