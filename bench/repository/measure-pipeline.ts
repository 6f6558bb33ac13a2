/**
 * End-to-end save throughput of the repository on a real directory: stream ~1 GB of mixed data
 * (compressible text-like, incompressible random) through chunker -> saveBlob -> packs, flush.
 * Prints MB/s (save, then verified load), CPU use and peak RSS.
 * Run: npx tsx bench/repository/measure-pipeline.ts [MiB] [budget MiB]
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLocalDriver } from "../../lib/core/storage/local-driver";
import { initRepository } from "../../lib/core/repository/init-repository";
import { openRepository } from "../../lib/core/repository/open-repository";
import { TEST_KDF } from "../../lib/core/repository/constants";

const MiB = 1024 * 1024;
const totalMiB = Number(process.argv[2] ?? 1024);

/** Text-like pieces that compress about 2-3x: words, numbers and hex from xorshift. */
function textPiece(size: number, seed: number): Buffer {
  const words = "the of and backup repository chunk pack index snapshot server client storage device account".split(" ");
  const out = Buffer.allocUnsafe(size);
  let x = seed | 1;
  let at = 0;
  while (at < size - 32) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    const r = x >>> 0;
    const w = r % 4 === 0 ? (r >>> 4).toString(16) : r % 4 === 1 ? String(r % 10007) : words[(r >>> 8) % words.length]!;
    at += out.write(w + (r % 9 === 0 ? "\n" : " "), at);
  }
  out.fill(32, at);
  return out;
}

const textBase = textPiece(32 * MiB, 12345);
const randomBase = randomBytes(32 * MiB);

/** 30 % random, 70 % text; each 1 MiB piece is a base slice stamped every 4 KiB so none repeats. */
async function* source(totalBytes: number, seed: number): AsyncIterable<Buffer> {
  const piece = 1 * MiB;
  for (let at = 0, i = 0; at < totalBytes; at += piece, i++) {
    const base = (seed + i) % 10 < 3 ? randomBase : textBase;
    const from = ((seed * 31 + i) * 4099) % (base.length - piece);
    const out = Buffer.from(base.subarray(from, from + piece));
    for (let s = 0; s < piece; s += 4096) out.writeUInt32LE((seed * 1_000_003 + i * 256 + s / 4096) >>> 0, s);
    yield out;
  }
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "strongroom-measure-"));
  let peak = 0;
  let peakBuffers = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    peakBuffers = Math.max(peakBuffers, m.arrayBuffers);
  }, 50);
  const baseRss = process.memoryUsage().rss;
  try {
    const driver = createLocalDriver(dir);
    await initRepository(driver, { passphrase: "x", kdf: TEST_KDF });
    const repo = await openRepository(driver, { passphrase: "x", maxPendingBytes: Number(process.argv[3] ?? 48) * MiB });
    const total = totalMiB * MiB;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const files = 8;
    const ids: string[] = [];
    for (let f = 0; f < files; f++) {
      for await (const chunk of repo.chunker({ reuseBuffer: true }).chunk(source(total / files, f * 1000))) ids.push((await repo.saveBlob("data", chunk)).id);
    }
    await repo.flush();
    const s = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const st = repo.stats();
    const savePeak = peak;
    const r0 = performance.now();
    for (let i = 0; i < ids.length; i += 4) await Promise.all(ids.slice(i, i + 4).map((id) => repo.loadBlob(id)));
    const loadMBps = Math.round(total / ((performance.now() - r0) / 1000) / 1e6);
    const r1 = performance.now();
    let loaded = 0;
    for await (const part of repo.loadBlobs(ids)) loaded += part.length;
    const loadBlobsMBps = Math.round(loaded / ((performance.now() - r1) / 1000) / 1e6);
    console.log(JSON.stringify({
      MBps: Math.round(total / s / 1e6), loadMBps, loadBlobsMBps, seconds: +s.toFixed(2), cpuCores: +((cpu.user + cpu.system) / 1e6 / s).toFixed(2),
      ratio: +(st.bytesNew / st.bytesStored).toFixed(2), blobs: st.blobsNew, packs: st.packsWritten, savePeakRssMiB: Math.round(savePeak / MiB), peakRssMiB: Math.round(peak / MiB),
      baseRssMiB: Math.round(baseRss / MiB), peakArrayBuffersMiB: Math.round(peakBuffers / MiB),
    }));
  } finally {
    clearInterval(sampler);
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
