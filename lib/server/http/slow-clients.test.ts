import tls from "node:tls";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../client/test-support/temp-dir";
import { createFakeAccounts } from "./test-support/fake-accounts";
import { httpText, rawHttps } from "./test-support/raw-https";
import { startTestDaemon, type TestDaemon } from "./test-support/start-test-daemon";
import { treeSnapshot } from "./test-support/tree-snapshot";

/** Writes one byte every `everyMs` until the server closes; resolves with ms until the close. */
function trickle(daemon: TestDaemon, head: Buffer, bytes: Buffer, everyMs: number): Promise<{ ms: number; sent: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const socket = tls.connect({ host: "127.0.0.1", port: daemon.port, ca: daemon.ca, servername: "localhost" }, () => {
      socket.write(head);
      timer = setInterval(() => {
        if (sent < bytes.length && socket.writable) socket.write(bytes.subarray(sent, ++sent));
      }, everyMs);
    });
    socket.on("error", () => {});
    socket.on("close", () => {
      clearInterval(timer);
      resolve({ ms: Date.now() - started, sent });
    });
  });
}

// Slow-loris: a client that sends a byte a second holds a connection (and a file descriptor, and
// for a body a temp file) until a timeout cuts it off; other clients are served meanwhile.
describe("slow clients", () => {
  let daemon: TestDaemon;
  let accountRoot: string;

  beforeAll(async () => {
    const root = await tempDir("slow");
    const accounts = await createFakeAccounts(path.join(root, "device"), [{ login: "alice", password: "alice-pw" }]);
    accountRoot = accounts.rootOf("alice");
    daemon = await startTestDaemon(root, accounts, { headersTimeoutSeconds: 1, bodyIdleSeconds: 1 });
  }, 60_000);

  afterAll(() => daemon.shutdown());

  it("cuts off a client sending its headers at a few bytes a second", async () => {
    const headers = Buffer.from(`GET /healthz HTTP/1.1\r\nhost: localhost\r\nx-pad: ${"a".repeat(100)}\r\n\r\n`);
    const run = trickle(daemon, Buffer.alloc(0), headers, 200);
    // Meanwhile a normal client is answered at once.
    expect((await rawHttps(daemon.port, daemon.ca, httpText("GET", "/healthz"))).status).toBe(200);
    const { ms, sent } = await run;
    expect(ms).toBeLessThan(4_000);
    expect(sent).toBeLessThan(headers.length);
  });

  it("cuts off an upload trickling its body, and commits nothing", async () => {
    const open = await rawHttps(daemon.port, daemon.ca, httpText("POST", "/v1/sessions", { login: "alice", password: "alice-pw", body: JSON.stringify({ kind: "backup" }) }));
    const session = (JSON.parse(open.body) as { id: string }).id;
    const head = httpText("PUT", `/v1/objects/locks/${"ab".repeat(16)}`, { login: "alice", password: "alice-pw", session, headers: { "content-length": "100" } });
    const { ms, sent } = await trickle(daemon, head, Buffer.alloc(100, 120), 300);
    expect(ms).toBeLessThan(4_000);
    expect(sent).toBeLessThan(100);
    // The driver removes its temp file once the aborted write unwinds, just after the cut.
    await expect.poll(() => treeSnapshot(accountRoot), { timeout: 2_000 }).toEqual([]);
  });
});
