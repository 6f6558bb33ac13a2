import { SeededRandom } from "./seeded-random";
import type { TextStyle } from "./generate-text";

// Decides every file of the corpus (path, kind, size) from the seed and the total size, before any
// byte is written. Proportions follow the reference corpus of issue 3 at 1 GiB: about 2,000 small
// text files (1-64 KiB, log-uniform), 25 large compressible files (about 10-85 MiB) and 300 MiB of
// random data in 8 files. A smaller --size scales every count and size down together.

export type FileKind = "small" | "large" | "random";

export interface FileSpec {
  path: string;
  kind: FileKind;
  size: number;
  style: TextStyle;
  /** Index of a shared boilerplate block the file starts with, or -1. */
  header: number;
  /** Path of an earlier small file whose bytes this one repeats (a copied file), or "". */
  copyOf: string;
}

export const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
const TOP_DIRS = ["docs", "projects", "mail", "logs", "exports", "notes", "home"];
const EXT: Record<TextStyle, string> = { prose: ".txt", log: ".log", csv: ".csv" };

function directoryPool(random: SeededRandom, count: number): string[] {
  const pool = [...TOP_DIRS];
  while (pool.length < count) {
    const parent = random.pick(pool);
    if (parent.split("/").length >= 5) continue;
    const name = `${random.pick(["src", "old", "2023", "2024", "q1", "q3", "misc", "team", "shared", "drafts"])}-${pool.length}`;
    pool.push(`${parent}/${name}`);
  }
  return pool;
}

function smallFiles(random: SeededRandom, count: number): FileSpec[] {
  const dirs = directoryPool(random, Math.max(8, Math.round(count / 12)));
  const files: FileSpec[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random.float();
    const style: TextStyle = roll < 0.6 ? "prose" : roll < 0.85 ? "log" : "csv";
    const size = Math.round(1024 * Math.pow(64, random.float()));
    const header = style === "prose" && random.float() < 0.4 ? random.int(0, 23) : -1;
    const dir = random.pick(dirs);
    const earlier = files.length > 0 && random.float() < 0.03 ? random.pick(files) : undefined;
    const path = `${dir}/file-${String(i).padStart(5, "0")}${earlier ? EXT[earlier.style] : EXT[style]}`;
    if (earlier) files.push({ ...earlier, path, copyOf: earlier.copyOf || earlier.path });
    else files.push({ path, kind: "small", size, style, header, copyOf: "" });
  }
  return files;
}

/** Splits a byte budget into `count` sizes proportional to the weights (last one takes the rest). */
function split(budget: number, weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.floor((budget * w) / total));
  const rest = budget - sizes.reduce((a, b) => a + b, 0);
  sizes[sizes.length - 1] = (sizes[sizes.length - 1] ?? 0) + rest;
  return sizes;
}

export function planCorpus(seed: string, totalBytes: number): FileSpec[] {
  const random = new SeededRandom(`${seed}:plan`);
  const scale = totalBytes / GIB;
  const small = smallFiles(random, Math.max(20, Math.round(2000 * scale)));
  const smallBytes = small.reduce((sum, f) => sum + f.size, 0);
  const randomCount = Math.max(1, Math.round(8 * scale));
  const largeCount = Math.max(1, Math.round(25 * scale));
  const randomBudget = Math.round((300 / 1024) * totalBytes);
  const largeBudget = Math.max(largeCount * MIB, totalBytes - smallBytes - randomBudget);
  const randomSizes = split(randomBudget, Array.from({ length: randomCount }, () => 0.7 + 0.6 * random.float()));
  // Skewed: most large files near the minimum, a few near the maximum, like images and databases.
  const largeSizes = split(largeBudget, Array.from({ length: largeCount }, () => 12 + 90 * random.float() ** 3));
  const large = largeSizes.map<FileSpec>((size, i) => ({
    path: `${random.pick(["vm", "db", "media"])}/large-${String(i).padStart(2, "0")}.${random.pick(["img", "dat", "tar"])}`,
    kind: "large",
    size,
    style: "prose",
    header: -1,
    copyOf: "",
  }));
  const incompressible = randomSizes.map<FileSpec>((size, i) => ({
    path: `archives/blob-${String(i).padStart(2, "0")}.bin`,
    kind: "random",
    size,
    style: "prose",
    header: -1,
    copyOf: "",
  }));
  return [...small, ...large, ...incompressible];
}
