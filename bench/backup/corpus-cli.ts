import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { ensureCorpus } from "./ensure-corpus";
import { parseSize } from "./parse-options";
import type { FileKind } from "./plan-corpus";

// npx tsx bench/backup/corpus-cli.ts [--size 1G] [--seed 1] [--data-dir .data/bench]
// Generates (or reuses) the corpus and prints its make-up and how well each kind of file compresses,
// with the zstd CLI at levels 1 and 3 when installed, else with node's gzip as a rough proxy.

const { values } = parseArgs({
  options: { size: { type: "string", default: "1G" }, seed: { type: "string", default: "1" }, "data-dir": { type: "string", default: ".data/bench" } },
});
const corpus = ensureCorpus(values["data-dir"], values.seed, parseSize(values.size), (line) => console.error(line));
const hasZstd = spawnSync("zstd", ["--version"]).status === 0;

function compressedSize(data: Buffer, level: number): number {
  if (!hasZstd) return gzipSync(data, { level }).length;
  const result = spawnSync("zstd", [`-${level}`, "-c", "-q"], { input: data, maxBuffer: 1 << 30 });
  return result.stdout.length;
}

console.log(`corpus ${corpus.root}${corpus.reused ? " (reused)" : ""}`);
console.log(`${corpus.manifest.length} files, ${corpus.bytes} bytes; compressor: ${hasZstd ? "zstd CLI" : "gzip (node zlib) as a proxy"}`);
for (const kind of ["small", "large", "random"] as FileKind[]) {
  const files = corpus.manifest.filter((f) => f.kind === kind);
  const bytes = files.reduce((s, f) => s + f.size, 0);
  const sizes = files.map((f) => f.size).sort((a, b) => a - b);
  let raw = 0;
  const packed = [0, 0];
  // Files are compressed one by one (as a backup tool sees them), at most 256 MiB of each kind.
  for (const file of files) {
    if (raw > 256 * 1024 ** 2) break;
    const data = readFileSync(join(corpus.root, file.path));
    raw += data.length;
    packed[0] = (packed[0] ?? 0) + compressedSize(data, 1);
    packed[1] = (packed[1] ?? 0) + compressedSize(data, 3);
  }
  const min = ((sizes[0] ?? 0) / 1024).toFixed(0);
  const max = ((sizes[sizes.length - 1] ?? 0) / 1024).toFixed(0);
  console.log(
    `${kind.padEnd(7)} ${String(files.length).padStart(5)} files ${(bytes / 1024 ** 2).toFixed(1).padStart(8)} MiB  ` +
      `sizes ${min}-${max} KiB  ratio level 1: ${(raw / (packed[0] ?? 1)).toFixed(2)}x  level 3: ${(raw / (packed[1] ?? 1)).toFixed(2)}x`,
  );
}
