import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listKeys, sha256 } from "./driver-contract-helpers";
import { payload, payloadHash } from "./fixtures/crash-payload";
import { createLocalDriver } from "./local-driver";

/**
 * kill -9 of a real writer process mid-write. SIGKILL keeps the page cache, so this proves
 * atomicity against process death (the rename is the only moment the key changes); durability
 * against power loss rests on the fsyncs, which no test here can pull the plug on.
 */
const child = path.join(import.meta.dirname, "fixtures/write-until-killed.ts");
const CHUNKS = 32;

/** A chunk number in 2..CHUNKS-2 from a fixed seed, so a failure replays the same kill point. */
function seededChunk(n: number): number {
  const x = Math.imul(0x9e3779b1, n + 20240601) >>> 0;
  return 2 + (x % (CHUNKS - 3));
}

type Outcome = { signal: NodeJS.Signals | null; output: string };

/** Runs the writer and SIGKILLs it `delayMs` after it prints `trigger`. */
function writeAndKill(root: string, key: string, seed: number, stallAfter: number, trigger: string, delayMs: number) {
  return new Promise<Outcome>((resolve, reject) => {
    const args = ["--import", "tsx", child, root, key, String(seed), String(CHUNKS), String(stallAfter)];
    const proc = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    proc.stdout.on("data", (data: Buffer) => {
      const line = `${trigger}\n`;
      const before = output;
      output += data.toString();
      if (!before.includes(line) && output.includes(line)) {
        setTimeout(() => proc.kill("SIGKILL"), delayMs);
      }
    });
    proc.on("error", reject);
    proc.on("exit", (_code, signal) => resolve({ signal, output }));
  });
}

async function tempFiles(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir, { recursive: true });
  return names.filter((name) => path.basename(name).startsWith(".tmp~"));
}

describe("local driver: writer killed with SIGKILL mid-write", () => {
  let root: string;
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), "strongroom-crash-"));
  });
  afterAll(() => fs.rm(root, { recursive: true, force: true }));

  it("leaves a new key absent, a temp file behind, and sweepTemp removes it", async () => {
    const driver = createLocalDriver(root);
    const outcome = await writeAndKill(root, "packs/new", 1, 5, "stalled", 0);
    expect(outcome.signal).toBe("SIGKILL");
    expect(outcome.output).not.toContain("done");
    expect(await driver.stat("packs/new")).toBeNull();
    expect(await listKeys(driver, "")).toEqual([]);
    expect(await tempFiles(root)).toHaveLength(1);
    expect(await driver.sweepTemp(0)).toBe(1);
    expect(await tempFiles(root)).toEqual([]);
  }, 30_000);

  it("leaves an overwritten key old-and-complete or new-and-complete wherever it is killed", async () => {
    const driver = createLocalDriver(root);
    const oldHash = payloadHash(7, 8);
    const newHash = payloadHash(8, CHUNKS);
    await driver.write("packs/over", payload(7, 8));
    // Kill points aimed by progress, not time (this disk's speed varies): early and seeded
    // mid-stream chunks, then just after the stream ends, while the driver writes, fsyncs, renames.
    const points: Array<[string, number]> = [
      ["chunk 1", 0], [`chunk ${seededChunk(1)}`, 0], [`chunk ${seededChunk(2)}`, 0],
      ["streamed", 0], ["streamed", 5], ["streamed", 20], ["streamed", 60], ["streamed", 150],
      ["streamed", 500],
    ];
    const outcomes: string[] = [];
    for (const [trigger, delay] of points) {
      const outcome = await writeAndKill(root, "packs/over", 8, 0, trigger, delay);
      const stored = sha256(await driver.read("packs/over"));
      expect([oldHash, newHash], `killed ${delay} ms after "${trigger}"`).toContain(stored);
      outcomes.push(`${outcome.signal ?? "exited"}:${stored === newHash ? "new" : "old"}`);
      if (stored === newHash) await driver.write("packs/over", payload(7, 8));
    }
    expect(outcomes.slice(0, 3)).toEqual(["SIGKILL:old", "SIGKILL:old", "SIGKILL:old"]);
    const leftovers = (await tempFiles(root)).length;
    expect(leftovers).toBeGreaterThanOrEqual(3);
    expect(await driver.sweepTemp(0)).toBe(leftovers);
    expect(await tempFiles(root)).toEqual([]);
    expect(await listKeys(driver, "")).toEqual(["packs/over"]);
  }, 60_000);
});
