import { fillText, type TextStyle } from "./generate-text";
import type { FileSpec } from "./plan-corpus";
import { RandomBytes, SeededRandom } from "./seeded-random";
import type { Vocabulary } from "./text-vocabulary";

// The bytes of one corpus file, as pieces of at most 2 MiB, derived from the seed and the file's
// path only: any file can be produced again on its own (the mutation step relies on it).

/** Share of segments of random bytes in large files; the rest is text, repeats and zeros. */
const LARGE_RANDOM_SHARE = 0.43;
const STYLES: TextStyle[] = ["prose", "log", "log", "csv"];

function* smallContent(spec: FileSpec, random: SeededRandom, vocabulary: Vocabulary): Generator<Buffer> {
  const out = Buffer.alloc(spec.size);
  let start = 0;
  const header = vocabulary.headers[spec.header];
  if (header) start = header.copy(out, 0, 0, Math.min(header.length, out.length));
  fillText(out.subarray(start), spec.style, random, vocabulary);
  yield out;
}

// Large files mix segments of 256 KiB-2 MiB: random bytes (already compressed media), text
// (logs, dumps), a repeat of a recent segment (copied blocks) and, rarely, zeros (sparse regions).
function* largeContent(spec: FileSpec, random: SeededRandom, vocabulary: Vocabulary, label: string): Generator<Buffer> {
  const bytes = new RandomBytes(label);
  const recent: Buffer[] = [];
  let left = spec.size;
  while (left > 0) {
    const length = Math.min(left, random.int(256 * 1024, 2 * 1024 * 1024));
    const roll = random.float();
    let piece: Buffer;
    if (roll < LARGE_RANDOM_SHARE) {
      piece = bytes.next(length);
    } else if (roll < LARGE_RANDOM_SHARE + 0.08 && recent.length > 0) {
      const source = random.pick(recent);
      piece = source.length >= length ? source.subarray(0, length) : Buffer.concat([source, bytes.next(length - source.length)]);
    } else if (roll < LARGE_RANDOM_SHARE + 0.1) {
      piece = Buffer.alloc(length);
    } else {
      piece = Buffer.alloc(length);
      fillText(piece, random.pick(STYLES), random, vocabulary);
    }
    recent.push(piece);
    if (recent.length > 4) recent.shift();
    left -= length;
    yield piece;
  }
}

function* randomContent(spec: FileSpec, label: string): Generator<Buffer> {
  const bytes = new RandomBytes(label);
  for (let left = spec.size; left > 0; left -= 1 << 20) yield bytes.next(Math.min(left, 1 << 20));
}

export function produceFileContent(seed: string, spec: FileSpec, vocabulary: Vocabulary): Generator<Buffer> {
  const label = `${seed}:file:${spec.copyOf || spec.path}`;
  const random = new SeededRandom(label);
  if (spec.kind === "small") return smallContent(spec, random, vocabulary);
  if (spec.kind === "large") return largeContent(spec, random, vocabulary, label);
  return randomContent(spec, label);
}
