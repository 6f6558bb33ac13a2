import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleepMs } from "node:timers/promises";
import { createMemorySink, startActivity } from "../../lib/core/activity";
import { initRepository, openRepository, TEST_KDF } from "../../lib/core/repository";
import { runBackup } from "../../lib/client/backup/run-backup";
import { createRemoteDriver, type RemoteDriverOptions } from "../../lib/client/remote";

// One simulated backup client: a small tree of its own that changes between runs, backed up
// through the real client library (repository, backup pipeline, remote driver) as
// `strongroom backup --server` does it: one session per run, the activity record handed over at
// the end. Repositories use the test KDF: 500 clients' key derivations on the bench's two cores
// would measure the clients, not the server (real clients derive keys on their own machines).

export interface ClientContext {
  url: string;
  ca: Buffer;
  accountPassword: string;
  passphrase: string;
  files: number;
  onResponse: RemoteDriverOptions["onResponse"];
}

function driverFor(ctx: ClientContext, login: string, deadline: number) {
  return createRemoteDriver({
    url: ctx.url,
    account: login,
    password: ctx.accountPassword,
    ca: ctx.ca,
    onResponse: ctx.onResponse,
    // A client still waiting out a 503 when the time is up stops waiting: the run is over.
    sleep: async (ms) => {
      await sleepMs(Math.max(0, Math.min(ms, deadline - Date.now())));
      if (Date.now() >= deadline) throw new Error("bench over while waiting for a session");
    },
  });
}

/** 1-32 KiB, half of it text-like (compressible), half random. */
function fileBytes(): Buffer {
  const size = 1024 + Math.floor(Math.random() * 31 * 1024);
  const text = Buffer.from("the quick brown fox backs up the lazy dog ".repeat(Math.ceil(size / 84)));
  return Buffer.concat([text.subarray(0, size >> 1), randomBytes(size - (size >> 1))]);
}

export async function prepareClient(ctx: ClientContext, login: string, dir: string): Promise<void> {
  const tree = path.join(dir, "tree");
  await fs.mkdir(path.join(tree, "docs"), { recursive: true });
  for (let i = 0; i < ctx.files; i++) await fs.writeFile(path.join(tree, i % 2 ? "docs" : "", `file-${i}.dat`), fileBytes());
  const driver = driverFor(ctx, login, Number.MAX_SAFE_INTEGER);
  try {
    const repo = await initRepository(driver, { passphrase: ctx.passphrase, kdf: TEST_KDF });
    await repo.close();
  } finally {
    await driver.finishSession(null);
  }
}

/** Changes two files (one rewritten, one appended to), as a user's day does. */
async function changeTree(dir: string, files: number, run: number): Promise<void> {
  const tree = path.join(dir, "tree");
  const name = (i: number) => path.join(tree, i % 2 ? "docs" : "", `file-${i}.dat`);
  await fs.writeFile(name(run % files), fileBytes());
  await fs.appendFile(name((run * 7 + 3) % files), randomBytes(2048));
}

/** One backup session; resolves true when a snapshot was committed. */
export async function backupOnce(ctx: ClientContext, login: string, dir: string, run: number, deadline: number): Promise<boolean> {
  await changeTree(dir, ctx.files, run);
  const driver = driverFor(ctx, login, deadline);
  const sink = createMemorySink();
  const activity = await startActivity("backup", sink, { host: `load-${login}`, clientVersion: "bench" });
  driver.prepareSession("backup", activity.header);
  let ok = false;
  try {
    // Trees are a few hundred KiB: a small pending-bytes budget keeps each client's pack ring small.
    const repo = await openRepository(driver, { passphrase: ctx.passphrase, maxPendingBytes: 4 * 1024 * 1024 });
    try {
      const result = await runBackup(repo, activity, { paths: [path.join(dir, "tree")], hostname: "load-client" });
      ok = result.record.status === "success";
    } finally {
      await repo.close();
    }
  } finally {
    await driver.finishSession(sink.records.at(-1) ?? null).catch(() => undefined);
  }
  return ok;
}
