import { SeededRandom } from "./seeded-random";

// The shared material of all text in the corpus: pseudo-words drawn with a Zipf law (so text
// compresses about as well as real prose), and sentences and boilerplate blocks that many files
// share (so small files compress well together and some of their bytes repeat across files).

export interface Vocabulary {
  /** All words, concatenated; word i is bytes[start[i], start[i] + length[i]). */
  bytes: Buffer;
  start: Uint32Array;
  length: Uint8Array;
  /** 65,536 slots: a uniform 16-bit number indexes a Zipf-distributed word. */
  zipf: Uint16Array;
  /** Sentences reused across files, each ending in ". ". */
  phrases: Buffer[];
  /** Licence- or README-like blocks of 0.5-6 KiB that some small files start with. */
  headers: Buffer[];
  services: string[];
}

const WORDS = 6000;
const CONSONANTS = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st", "tr", "ch", "th"];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou"];

function syllables(rank: number): number {
  if (rank < 60) return 1;
  if (rank < 700) return 2;
  if (rank < 3500) return 3;
  return 4;
}

function makeWord(random: SeededRandom, count: number): string {
  let word = "";
  for (let s = 0; s < count; s++) word += random.pick(CONSONANTS) + random.pick(VOWELS);
  return random.float() < 0.3 ? word + random.pick(["n", "r", "s", "t", "l"]) : word;
}

function zipfTable(words: number): Uint16Array {
  const cumulative = new Float64Array(words);
  let total = 0;
  for (let r = 0; r < words; r++) cumulative[r] = total += 1 / (r + 1.5);
  const table = new Uint16Array(65536);
  let r = 0;
  for (let slot = 0; slot < table.length; slot++) {
    const target = ((slot + 0.5) / table.length) * total;
    while (r < words - 1 && (cumulative[r] ?? total) < target) r++;
    table[slot] = r;
  }
  return table;
}

function sentence(random: SeededRandom, words: string[], zipf: Uint16Array): string {
  const count = random.int(6, 22);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(words[zipf[random.u32() & 0xffff] ?? 0] ?? "a");
  const first = parts[0] ?? "a";
  parts[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${parts.join(" ")}. `;
}

export function buildVocabulary(seed: string): Vocabulary {
  const random = new SeededRandom(`${seed}:vocabulary`);
  const seen = new Set<string>();
  const words: string[] = [];
  while (words.length < WORDS) {
    const word = makeWord(random, syllables(words.length));
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  const bytes = Buffer.from(words.join(""), "latin1");
  const start = new Uint32Array(WORDS);
  const length = new Uint8Array(WORDS);
  let offset = 0;
  words.forEach((word, i) => {
    start[i] = offset;
    length[i] = word.length;
    offset += word.length;
  });
  const zipf = zipfTable(WORDS);
  const phrases = Array.from({ length: 400 }, () => Buffer.from(sentence(random, words, zipf), "latin1"));
  const headers = Array.from({ length: 24 }, () => {
    const target = random.int(512, 6144);
    let text = "";
    while (text.length < target) text += sentence(random, words, zipf) + (random.float() < 0.25 ? "\n\n" : "");
    return Buffer.from(`${text.slice(0, target)}\n\n`, "latin1");
  });
  const services = Array.from({ length: 12 }, () => `${makeWord(random, 2)}-${makeWord(random, 1)}d`);
  return { bytes, start, length, zipf, phrases, headers, services };
}
