import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createChunker } from "./chunker";
import { deriveGearTable } from "./gear-table";
import { pieces, pseudoRandom } from "./test-helpers";

const params = { algorithm: "fastcdc" as const, minSize: 8 * 1024, avgSize: 32 * 1024, maxSize: 128 * 1024 };

async function cut(seed: Buffer, data: Buffer, pieceSize = 64 * 1024, reuseBuffer = false): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const c of createChunker(params, deriveGearTable(seed), { reuseBuffer }).chunk(pieces(data, pieceSize))) out.push(reuseBuffer ? Buffer.from(c) : c);
  return out;
}

describe("FastCDC chunker", () => {
  const seed = Buffer.alloc(32, 1);
  const data = pseudoRandom(3_000_000, 42);

  it("is lossless and respects min/max sizes", async () => {
    const chunks = await cut(seed, data);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
    chunks.slice(0, -1).forEach((c) => {
      expect(c.length).toBeGreaterThanOrEqual(params.minSize);
      expect(c.length).toBeLessThanOrEqual(params.maxSize);
    });
    const mean = data.length / chunks.length;
    expect(mean).toBeGreaterThan(params.avgSize * 0.7);
    expect(mean).toBeLessThan(params.avgSize * 1.6);
  });

  it("is deterministic whatever the input piece sizes", async () => {
    const a = (await cut(seed, data, 64 * 1024)).map((c) => c.length);
    const b = (await cut(seed, data, 1000)).map((c) => c.length);
    const c = (await cut(seed, data, 1_000_000)).map((c) => c.length);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it("gives the same chunks when reusing one buffer, even if the source reuses its own", async () => {
    const owned = await cut(seed, data, 50_000);
    const reused = await cut(seed, data, 50_000, true);
    expect(reused.map((c) => c.toString("base64"))).toEqual(owned.map((c) => c.toString("base64")));
    const scratch = Buffer.alloc(70_000);
    async function* reusingSource() {
      for (let i = 0; i < data.length; i += scratch.length) {
        const n = data.copy(scratch, 0, i, i + scratch.length);
        yield scratch.subarray(0, n);
      }
    }
    const got: Buffer[] = [];
    for await (const c of createChunker(params, deriveGearTable(seed), { reuseBuffer: true }).chunk(reusingSource())) got.push(Buffer.from(c));
    expect(Buffer.concat(got).equals(data)).toBe(true);
    expect(got.map((c) => c.length)).toEqual(owned.map((c) => c.length));
  });

  it("resists boundary shift: bytes inserted at the start leave most chunks intact", async () => {
    const before = await cut(seed, data);
    const after = await cut(seed, Buffer.concat([randomBytes(100), data]));
    const known = new Set(before.map((c) => c.toString("base64")));
    const survived = after.filter((c) => known.has(c.toString("base64"))).length;
    expect(survived / before.length).toBeGreaterThan(0.9);
  });

  it("cuts differently under another repository's seed", async () => {
    const a = (await cut(seed, data)).map((c) => c.length);
    const b = (await cut(Buffer.alloc(32, 2), data)).map((c) => c.length);
    expect(b).not.toEqual(a);
  });

  it("cuts at maxSize in data without boundaries, and handles empty input", async () => {
    const zeros = Buffer.alloc(500_000);
    const chunks = await cut(seed, zeros);
    expect(chunks.slice(0, -1).every((c) => c.length === params.maxSize)).toBe(true);
    expect(await cut(seed, Buffer.alloc(0))).toEqual([]);
    expect((await cut(seed, Buffer.from("tiny"))).map(String)).toEqual(["tiny"]);
  });
});
