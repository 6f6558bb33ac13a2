import { describe, expect, it } from "vitest";
import { openRepository } from "./open-repository";
import { initSmall, memoryDriver, pseudoRandom } from "./test-helpers";
import type { RepositoryEvent } from "./types";

const text = (size: number) => Buffer.from("the quick brown fox jumps over the lazy dog, again and again\n".repeat(Math.ceil(size / 61)).slice(0, size));

/** Stored size of each blob saved, by id, through the pack worker's "blob_saved" events. */
async function storedSizes(blobs: Buffer[]): Promise<{ stored: number[]; read: Buffer[] }> {
  const driver = memoryDriver();
  const events: RepositoryEvent[] = [];
  const repo = await initSmall(driver, { packSize: 4 * 1024 * 1024, onEvent: (e) => events.push(e) });
  const ids: string[] = [];
  for (const blob of blobs) ids.push((await repo.saveBlob("data", blob)).id);
  await repo.flush();
  await repo.close();
  const byId = new Map(events.flatMap((e) => (e.type === "blob_saved" ? [[e.id, e.storedSize] as const] : [])));
  const again = await openRepository(driver, { passphrase: "correct horse" });
  const read = await Promise.all(ids.map((id) => again.loadBlob(id)));
  await again.close();
  return { stored: ids.map((id) => byId.get(id)!), read };
}

describe("choosing whether to compress a blob", () => {
  it("stores random data raw, compresses text, and compresses a mostly random blob with a text stretch", async () => {
    const random = pseudoRandom(1024 * 1024, 3);
    const plain = text(1024 * 1024);
    // 150 KiB of text inside 874 KiB of random bytes: every eighth of the blob is sampled.
    const mixed = Buffer.concat([pseudoRandom(600 * 1024, 4), text(150 * 1024), pseudoRandom(274 * 1024, 5)]);
    const small = pseudoRandom(100 * 1024, 6);
    const { stored, read } = await storedSizes([random, plain, mixed, small]);
    const overhead = 1 + 12 + 16; // method byte, nonce, tag: a raw blob's stored size is exactly this much larger
    expect(stored[0]).toBe(random.length + overhead);
    expect(stored[1]).toBeLessThan(plain.length / 10);
    expect(stored[2]).toBeLessThan(mixed.length - 100 * 1024);
    expect(stored[3]).toBe(small.length + overhead);
    expect(read.map((b, i) => b.equals([random, plain, mixed, small][i]!))).toEqual([true, true, true, true]);
  });
});
