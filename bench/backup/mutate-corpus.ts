import { closeSync, existsSync, openSync, rmSync, utimesSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { fillText } from "./generate-text";
import type { FileSpec } from "./plan-corpus";
import { RandomBytes, SeededRandom } from "./seeded-random";
import type { Vocabulary } from "./text-vocabulary";
import { writeCorpusFile } from "./write-corpus-file";

// "Change 1% of the files" for the incremental backup, deterministically: 1% of the files (at least
// one), always including one large file. Small files get 1-4 KiB appended or overwritten in place;
// a large file gets 4 KiB overwritten at three offsets (a database page, a VM block). Mutated files
// get a new mtime. Reverting rewrites those files from the generator, so every round's first backup
// sees the same bytes. A flag file marks a corpus left mutated by an interrupted run.

interface Change {
  spec: FileSpec;
  writes: { offset: number; length: number }[];
}

export function mutatedFlag(root: string): string {
  return `${root}.mutated`;
}

export function planMutation(seed: string, specs: FileSpec[]): Change[] {
  const random = new SeededRandom(`${seed}:mutation`);
  const count = Math.max(1, Math.ceil(specs.length / 100));
  const chosen = new Set<FileSpec>();
  const large = specs.filter((s) => s.kind === "large");
  if (large.length > 0) chosen.add(random.pick(large));
  while (chosen.size < Math.min(count, specs.length)) chosen.add(random.pick(specs));
  return [...chosen].map((spec) => {
    if (spec.kind !== "small") {
      const writes = [0, 1, 2].map(() => ({ offset: random.int(0, Math.max(0, spec.size - 4096)), length: Math.min(4096, spec.size) }));
      return { spec, writes };
    }
    const length = random.int(1024, 4096);
    const append = random.float() < 0.5 || spec.size <= length;
    return { spec, writes: [{ offset: append ? spec.size : random.int(0, spec.size - length), length }] };
  });
}

export function applyMutation(seed: string, root: string, changes: Change[], vocabulary: Vocabulary): void {
  writeFileSync(mutatedFlag(root), "");
  const when = new Date(Date.now() + 60_000);
  for (const { spec, writes } of changes) {
    const random = new SeededRandom(`${seed}:mutate:${spec.path}`);
    const bytes = new RandomBytes(`${seed}:mutate:${spec.path}`);
    const file = join(root, spec.path);
    const fd = openSync(file, "r+");
    try {
      for (const { offset, length } of writes) {
        const piece = spec.kind === "random" ? bytes.next(length) : Buffer.alloc(length);
        if (spec.kind !== "random") fillText(piece, "log", random, vocabulary);
        writeSync(fd, piece, 0, length, offset);
      }
    } finally {
      closeSync(fd);
    }
    utimesSync(file, when, when);
  }
}

export function revertMutation(seed: string, root: string, changes: Change[], vocabulary: Vocabulary): void {
  for (const { spec } of changes) writeCorpusFile(seed, root, spec, vocabulary);
  rmSync(mutatedFlag(root), { force: true });
}

export function isMutated(root: string): boolean {
  return existsSync(mutatedFlag(root));
}
