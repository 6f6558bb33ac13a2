import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ActivityDelivery } from "./activity-delivery";
import { appendAndKill } from "./fixtures/run-append-child";
import { openStateDirectory } from "./open-state-directory";
import { openOutbox } from "./outbox";

/**
 * kill -9 of a real process appending to the outbox. SIGKILL keeps the page cache, so this proves
 * that append() returns only after the item is complete under its final name and that a kill mid
 * append leaves nothing half-written; durability against power loss rests on the fsyncs.
 */
describe("outbox: appender killed with SIGKILL", () => {
  const root = fs.mkdtemp(path.join(os.tmpdir(), "strongroom-outbox-crash-"));
  afterAll(async () => fs.rm(await root, { recursive: true, force: true }));

  it("keeps every item append() returned for, and nothing torn", async () => {
    const dir = await root;
    const outcome = await appendAndKill(dir, 10_000, 7, /^appended 25 /m);
    expect(outcome.signal).toBe("SIGKILL");
    expect(outcome.appended.length).toBeGreaterThanOrEqual(25);

    const outbox = await openOutbox<ActivityDelivery>({ driver: await openStateDirectory(dir) });
    const pending = await outbox.pending();
    const items = await Promise.all(pending.map((id) => outbox.read(id)));
    // Each reported append is there, in order; any later ones (durable before the signal landed,
    // not yet reported) are complete too: every file above was read and parsed.
    const ids = items.map((item) => item.record.id);
    expect(ids.slice(0, outcome.appended.length)).toEqual(outcome.appended);
    expect(items.every((item) => item.accountId === 7 && item.record.entries.length === 3)).toBe(true);
  }, 20_000);
});
