/**
 * Save throughput over a real directory tree (e.g. the bench corpus): reads every file with one
 * reused 1 MiB buffer, chunks with reuseBuffer, saves, flushes. No trees or snapshot: it measures
 * the repository's part of a backup. Drop the page cache first for cold-read figures.
 * Run: npx tsx lib/core/repository/measure-files.ts DIR [owned]   (SR_LEVEL=1 for zstd level 1)
 */
import { open, readdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createLocalDriver } from "../../lib/core/storage/local-driver";
import { TEST_KDF } from "../../lib/core/repository/constants";
import { initRepository } from "../../lib/core/repository/init-repository";

const MiB = 1024 * 1024;

async function* walk(dir: string): AsyncIterable<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

async function main(): Promise<void> {
  const root = process.argv[2]!;
  const reuse = process.argv[3] !== "owned";
  const dir = await mkdtemp(path.join(tmpdir(), "strongroom-files-"));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const repo = await initRepository(createLocalDriver(dir), { passphrase: "x", kdf: TEST_KDF, compressionLevel: Number(process.env.SR_LEVEL ?? 3) });
    const shared = Buffer.allocUnsafe(MiB);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let bytes = 0;
    for await (const file of walk(root)) {
      const handle = await open(file, "r");
      try {
        const pieces = async function* () {
          for (;;) {
            const buffer = reuse ? shared : Buffer.allocUnsafe(MiB);
            const { bytesRead } = await handle.read(buffer, 0, MiB, null);
            if (bytesRead === 0) return;
            yield buffer.subarray(0, bytesRead);
          }
        };
        for await (const chunk of repo.chunker({ reuseBuffer: reuse }).chunk(pieces())) {
          bytes += chunk.length;
          await repo.saveBlob("data", chunk);
        }
      } finally {
        await handle.close();
      }
    }
    await repo.flush();
    const s = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    console.log(JSON.stringify({ reuse, MBps: Math.round(bytes / s / 1e6), seconds: +s.toFixed(2), cpuCores: +((cpu.user + cpu.system) / 1e6 / s).toFixed(2), peakRssMiB: Math.round(peak / MiB), stored: repo.stats().bytesStored }));
    await repo.close();
  } finally {
    clearInterval(sampler);
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
