import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../../client/test-support/temp-dir";
import { createFakeAccounts } from "./test-support/fake-accounts";
import { httpText, rawHttps } from "./test-support/raw-https";
import { startTestDaemon, type TestDaemon } from "./test-support/start-test-daemon";
import { treeSnapshot } from "./test-support/tree-snapshot";

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const packKey = (b: Buffer) => `data/${sha(b).slice(0, 2)}/${sha(b)}`;

// Hostile clients, one request each: every one gets a 4xx with a clear message (or is cut off),
// and nothing outside the account's own directory changes.
describe("hostile requests", () => {
  let root: string;
  let daemon: TestDaemon;
  let aliceRoot: string;
  let before: string[];
  let alice: string;
  let bob: string;
  const send = (req: Buffer | string, options?: Parameters<typeof rawHttps>[3]) => rawHttps(daemon.port, daemon.ca, req, options);
  const as = (login: string, session?: string) => ({ login, password: `${login}-pw`, ...(session ? { session } : {}) });
  const errorOf = (body: string) => (JSON.parse(body) as { error: { code: string; message: string } }).error;

  async function openSession(login: string, kind = "backup"): Promise<string> {
    const res = await send(httpText("POST", "/v1/sessions", { ...as(login), body: JSON.stringify({ kind }) }));
    expect(res.status).toBe(201);
    return (JSON.parse(res.body) as { id: string }).id;
  }

  beforeAll(async () => {
    root = await tempDir("hostile");
    const accounts = await createFakeAccounts(path.join(root, "device"), [
      { login: "alice", password: "alice-pw" },
      { login: "bob", password: "bob-pw" },
      { login: "mallory", password: "mallory-pw", status: "suspended" },
      { login: "carol", password: "carol-pw", quotaBytes: 1000 },
    ]);
    aliceRoot = accounts.rootOf("alice");
    await fs.writeFile(path.join(root, "device", "secret"), "outside every account\n");
    daemon = await startTestDaemon(root, accounts, { maxBodyBytes: 1024 * 1024 });
    alice = await openSession("alice");
    bob = await openSession("bob");
    before = await outsideAlice();
  }, 60_000);

  afterAll(async () => {
    // Nothing outside alice's repository changed (the daemon's state dir holds session journals).
    expect(await outsideAlice()).toEqual(before);
    await daemon.shutdown();
  });

  async function outsideAlice(): Promise<string[]> {
    return (await treeSnapshot(root)).filter((f) => !f.startsWith("device/alice/") && !f.startsWith("state/"));
  }

  it("refuses an object whose bytes do not match its name, and stores nothing", async () => {
    const body = Buffer.from("not what the name says");
    const key = packKey(Buffer.from("something else"));
    const res = await send(httpText("PUT", `/v1/objects/${key}`, { ...as("alice", alice), body }));
    expect(res.status).toBe(400);
    expect(errorOf(res.body)).toMatchObject({ code: "hash_mismatch", message: expect.stringMatching(/does not match its name/) });
    expect(await treeSnapshot(aliceRoot)).toEqual([]);
  });

  it("accepts a matching object, and serves it with ranges", async () => {
    const body = Buffer.from("a real pack, as far as the server can tell");
    const res = await send(httpText("PUT", `/v1/objects/${packKey(body)}`, { ...as("alice", alice), body }));
    expect(res.status).toBe(201);
    const range = await send(httpText("GET", `/v1/objects/${packKey(body)}`, { ...as("alice", alice), headers: { range: "bytes=2-5" } }));
    expect(range.status).toBe(206);
    expect(range.body).toBe("real");
  });

  it("commits nothing from a short body (Content-Length larger than sent, then closed)", async () => {
    const body = Buffer.from("x".repeat(100));
    const head = httpText("PUT", `/v1/objects/${packKey(body)}`, { ...as("alice", alice), headers: { "content-length": "100" } });
    const res = await send(Buffer.concat([head, body.subarray(0, 10)]), { endAfterWrite: true });
    expect(res.status === 0 || res.status === 400).toBe(true);
    expect(await fs.stat(path.join(aliceRoot, packKey(body))).catch(() => null)).toBeNull();
    const health = await send(httpText("GET", "/healthz"));
    expect(health.status).toBe(200);
  });

  it("refuses an oversized body, declared or streamed", async () => {
    const declared = await send(httpText("PUT", `/v1/objects/${packKey(Buffer.from("big"))}`, { ...as("alice", alice), headers: { "content-length": String(2 * 1024 * 1024) } }));
    expect(declared.status).toBe(413);
    expect(errorOf(declared.body).message).toMatch(/larger than the limit/);
    const big = Buffer.alloc(1024 * 1024 + 10, 7);
    const chunked = Buffer.concat([httpText("PUT", `/v1/objects/${packKey(big)}`, { ...as("alice", alice), headers: { "transfer-encoding": "chunked" } }), Buffer.from(`${big.length.toString(16)}\r\n`), big, Buffer.from("\r\n0\r\n\r\n")]);
    const streamed = await send(chunked);
    expect(streamed.status === 413 || streamed.closedWithoutAnswer).toBe(true);
    expect(await fs.stat(path.join(aliceRoot, packKey(big))).catch(() => null)).toBeNull();
  });

  it.each([
    ["../ traversal", "/v1/objects/../../secret"],
    ["../ inside a key", "/v1/objects/data/../../../secret"],
    ["percent-encoded dots", "/v1/objects/data/%2e%2e/%2e%2e/secret"],
    ["absolute path", "/v1/objects//etc/passwd"],
    ["encoded NUL", "/v1/objects/logs/a%00b"],
    ["not a repository object", "/v1/objects/secret"],
  ])("refuses a path-like key: %s", async (_label, target) => {
    for (const method of ["GET", "PUT", "DELETE"]) {
      const res = await send(httpText(method, target, { ...as("alice", alice), ...(method === "PUT" ? { body: "x" } : {}) }));
      expect(res.status).toBe(400);
      expect(errorOf(res.body).code).toBe("invalid_key");
    }
  });

  it("refuses a raw NUL byte in the path", async () => {
    const res = await send(Buffer.concat([Buffer.from("GET /v1/objects/logs/a"), Buffer.from([0]), Buffer.from("b HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")]));
    expect(res.status).toBe(400);
  });

  it("keeps accounts apart: bob cannot read alice's objects nor use her session", async () => {
    const body = Buffer.from("alice's private pack");
    expect((await send(httpText("PUT", `/v1/objects/${packKey(body)}`, { ...as("alice", alice), body }))).status).toBe(201);
    const read = await send(httpText("GET", `/v1/objects/${packKey(body)}`, as("bob", bob)));
    expect(read.status).toBe(404);
    const list = await send(httpText("GET", "/v1/list?prefix=data/", as("bob", bob)));
    expect(list.status).toBe(200);
    expect(list.body).toBe("");
    const stolen = await send(httpText("GET", `/v1/objects/${packKey(body)}`, as("bob", alice)));
    expect(stolen.status).toBe(404);
    expect(errorOf(stolen.body).code).toBe("unknown_session");
  });

  it("requires credentials, and the right ones", async () => {
    const none = await send(httpText("GET", "/v1/list?prefix="));
    expect(none.status).toBe(401);
    expect(none.headers).toMatch(/www-authenticate: Basic/i);
    const wrong = await send(httpText("GET", "/v1/list?prefix=", { login: "alice", password: "guess", session: alice }));
    expect(wrong.status).toBe(401);
    expect(errorOf(wrong.body).message).toBe("wrong account name or password");
    const unknown = await send(httpText("POST", "/v1/sessions", { login: "nobody", password: "x", body: "{}" }));
    expect(unknown.status).toBe(401);
  });

  it("answers an unauthenticated upload at once and closes, without reading its body", async () => {
    const head = httpText("PUT", `/v1/objects/${packKey(Buffer.from("z"))}`, { headers: { "content-length": String(50 * 1024 * 1024) } });
    const res = await send(Buffer.concat([head, Buffer.alloc(1000)]), { timeoutMs: 5_000 });
    expect(res.status).toBe(401);
    expect(res.headers).toMatch(/connection: close/i);
  });

  it("refuses a suspended account with a clear message", async () => {
    const res = await send(httpText("POST", "/v1/sessions", { ...as("mallory"), body: JSON.stringify({ kind: "backup" }) }));
    expect(res.status).toBe(403);
    expect(errorOf(res.body).message).toMatch(/suspended/);
  });

  it("refuses data past the quota with 507 and a clear message", async () => {
    const carol = await openSession("carol");
    const body = Buffer.alloc(2000, 1);
    const res = await send(httpText("PUT", `/v1/objects/${packKey(body)}`, { ...as("carol", carol), body }));
    expect(res.status).toBe(507);
    expect(errorOf(res.body)).toMatchObject({ code: "over_quota", message: expect.stringMatching(/quota exceeded/) });
  });

  it("refuses unknown and finished sessions", async () => {
    const unknown = await send(httpText("GET", "/v1/list?prefix=", as("alice", "0".repeat(32))));
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown.body).code).toBe("unknown_session");
    const none = await send(httpText("GET", "/v1/list?prefix=", as("alice")));
    expect(none.status).toBe(404);
    const done = await openSession("bob", "restore");
    expect((await send(httpText("POST", `/v1/sessions/${done}/finish`, { ...as("bob"), body: "{}" }))).status).toBe(200);
    const after = await send(httpText("GET", "/v1/list?prefix=", as("bob", done)));
    expect(after.status).toBe(404);
    const again = await send(httpText("POST", `/v1/sessions/${done}/finish`, { ...as("bob"), body: "{}" }));
    expect(again.status).toBe(404);
  });

  it("refuses a second backup of the same account while one runs (409)", async () => {
    const res = await send(httpText("POST", "/v1/sessions", { ...as("alice"), body: JSON.stringify({ kind: "backup" }) }));
    expect(res.status).toBe(409);
    expect(errorOf(res.body).message).toMatch(/already running/);
  });

  it("answers malformed session requests with 400", async () => {
    const res = await send(httpText("POST", "/v1/sessions", { ...as("bob"), body: "{not json" }));
    expect(res.status).toBe(400);
    const kind = await send(httpText("POST", "/v1/sessions", { ...as("bob"), body: JSON.stringify({ kind: "format-disk" }) }));
    expect(kind.status).toBe(400);
  });
});
