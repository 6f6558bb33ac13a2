/**
 * Prints the throughput of the repository's building blocks on this machine (the figures quoted
 * in FORMAT.md). Run: npx tsx lib/core/repository/measure-primitives.ts
 */
import { createCipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { Blake3Hasher } from "@napi-rs/blake-hash";
import { DEFAULT_CHUNKER } from "../../lib/core/repository/constants";
import { createChunker } from "../../lib/core/repository/chunker";
import { deriveGearTable } from "../../lib/core/repository/gear-table";
import { zstdCompress, zstdDecompress } from "../../lib/core/repository/zstd";

const MiB = 1024 * 1024;
const words = "the quick brown fox jumps over lazy dog backup repository chunk pack index snapshot".split(" ");

function textLike(size: number): Buffer {
  const out = Buffer.allocUnsafe(size);
  let x = 12345;
  let at = 0;
  while (at < size - 32) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    const r = x >>> 0;
    // Log-like text: words, numbers and hex ids (zstd -3 gets about 2x, like logs and source).
    const w = r % 4 === 0 ? (r >>> 4).toString(16) : r % 4 === 1 ? String(r % 10007) : words[(r >>> 8) % words.length]!;
    at += out.write(w + (r % 9 === 0 ? "\n" : " "), at);
  }
  return out.fill(32, at);
}

/** Share of a 64 MiB file's bytes stored again after 64 scattered 100-byte edits. */
async function editCost(minSize: number, avgSize: number, maxSize: number): Promise<{ newShare: number; chunks: number }> {
  const chunker = createChunker({ algorithm: "fastcdc", minSize, avgSize, maxSize }, deriveGearTable(Buffer.alloc(32, 7)));
  const original = randomBytes(64 * MiB);
  const edited = Buffer.from(original);
  for (let i = 0; i < 64; i++) randomBytes(100).copy(edited, Math.floor(((i + 0.5) / 64) * (edited.length - 100)));
  const cut = async (b: Buffer) => {
    const out: Buffer[] = [];
    async function* src() { for (let i = 0; i < b.length; i += MiB) yield b.subarray(i, i + MiB); }
    for await (const c of chunker.chunk(src())) out.push(c);
    return out;
  };
  const known = new Set((await cut(original)).map((c) => c.toString("base64")));
  const after = await cut(edited);
  const fresh = after.filter((c) => !known.has(c.toString("base64"))).reduce((n, c) => n + c.length, 0);
  return { newShare: fresh / edited.length, chunks: after.length };
}

async function time(label: string, bytes: number, fn: () => Promise<void> | void): Promise<void> {
  await fn();
  const start = process.hrtime.bigint();
  await fn();
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(`${label.padEnd(44)} ${(bytes / s / 1e6).toFixed(0).padStart(6)} MB/s`);
}

async function main(): Promise<void> {
  const random = randomBytes(256 * MiB);
  const text = textLike(64 * MiB);
  const chunks = Array.from({ length: 64 }, (_, i) => random.subarray(i * MiB, (i + 1) * MiB));
  const textChunks = Array.from({ length: 64 }, (_, i) => text.subarray(i * MiB, (i + 1) * MiB));
  const key = randomBytes(32);
  for (const params of [DEFAULT_CHUNKER, { ...DEFAULT_CHUNKER, minSize: 256 * 1024, maxSize: 4 * MiB }]) {
    const chunker = createChunker(params, deriveGearTable(randomBytes(32)));
    let n = 0;
    await time(`fastcdc min ${params.minSize / 1024}K avg 1M (random)`, random.length, async () => {
      n = 0;
      async function* src() { for (let i = 0; i < random.length; i += MiB) yield random.subarray(i, i + MiB); }
      for await (const c of chunker.chunk(src())) n += c.length > 0 ? 1 : 0;
    });
    console.log(`  chunks ${n}, mean ${(random.length / n / 1024).toFixed(0)} KiB`);
  }
  await time("keyed BLAKE3 (1 MiB blobs)", 64 * MiB, () => { for (const c of chunks) Blake3Hasher.newKeyed(key).update(c).digestBuffer(); });
  await time("HMAC-SHA-256 (1 MiB blobs)", 64 * MiB, () => { for (const c of chunks) createHmac("sha256", key).update(c).digest(); });
  await time("SHA-256 (16 MiB packs)", 256 * MiB, () => { for (let i = 0; i < 16; i++) createHash("sha256").update(random.subarray(i * 16 * MiB, (i + 1) * 16 * MiB)).digest(); });
  await time("AES-256-GCM encrypt (1 MiB)", 64 * MiB, () => {
    for (const c of chunks) { const g = createCipheriv("aes-256-gcm", key, randomBytes(12)); g.update(c); g.final(); g.getAuthTag(); }
  });
  for (const level of [1, 3]) {
    for (const [name, set] of [["text", textChunks], ["random", chunks]] as const) {
      let stored = 0;
      await time(`zstd ${level} ${name}, 1 in flight`, 64 * MiB, async () => { stored = 0; for (const c of set) stored += (await zstdCompress(c, level)).length; });
      await time(`zstd ${level} ${name}, 2 in flight`, 64 * MiB, async () => {
        for (let i = 0; i < set.length; i += 2) await Promise.all([zstdCompress(set[i]!, level), zstdCompress(set[i + 1]!, level)]);
      });
      console.log(`  ratio ${(64 * MiB / stored).toFixed(2)}`);
    }
  }
  const subtleKey = await crypto.subtle.importKey("raw", key, "AES-GCM", false, ["encrypt"]);
  await time("AES-256-GCM WebCrypto (pool), 2 in flight", 64 * MiB, async () => {
    for (let i = 0; i < chunks.length; i += 2) {
      await Promise.all([0, 1].map((j) => crypto.subtle.encrypt({ name: "AES-GCM", iv: randomBytes(12) }, subtleKey, chunks[i + j]!)));
    }
  });
  await time("SHA-256 WebCrypto (pool), 2 in flight", 256 * MiB, async () => {
    for (let i = 0; i < 16; i += 2) {
      await Promise.all([0, 1].map((j) => crypto.subtle.digest("SHA-256", random.subarray((i + j) * 16 * MiB, (i + j + 1) * 16 * MiB))));
    }
  });
  for (const [min, avg, max] of [[64, 128, 1024], [256, 512, 4096], [512, 1024, 8192], [1024, 2048, 8192]] as const) {
    const r = await editCost(min * 1024, avg * 1024, max * 1024);
    console.log(`edits: min ${min}K avg ${avg}K max ${max}K -> ${(r.newShare * 100).toFixed(1)} % re-stored, ${r.chunks} chunks / 64 MiB`);
  }
  const packed = await Promise.all(textChunks.map((c) => zstdCompress(c, 3)));
  await time("zstd decompress text", 64 * MiB, async () => { for (const c of packed) await zstdDecompress(c); });
}

void main();
