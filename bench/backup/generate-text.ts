import type { SeededRandom } from "./seeded-random";
import type { Vocabulary } from "./text-vocabulary";

// Fills a buffer with text-ish bytes in one of three styles. The last word or line is cut where the
// buffer ends, so the length is exact. Written byte by byte: this runs over hundreds of MiB.

export type TextStyle = "prose" | "log" | "csv";

const LEVELS = ["INFO", "INFO", "INFO", "INFO", "INFO", "INFO", "DEBUG", "DEBUG", "WARN", "ERROR"];
const STATUSES = ["paid", "paid", "paid", "open", "refunded", "void"];
const CURRENCIES = ["EUR", "EUR", "USD", "GBP", "CHF"];
const HEX = "0123456789abcdef";

class TextWriter {
  pos = 0;
  column = 0;
  constructor(
    readonly out: Buffer,
    readonly random: SeededRandom,
    readonly vocabulary: Vocabulary,
  ) {}

  get full(): boolean {
    return this.pos >= this.out.length;
  }

  byte(value: number): void {
    if (this.pos < this.out.length) this.out[this.pos++] = value;
    this.column = value === 10 ? 0 : this.column + 1;
  }

  text(value: string): void {
    const written = this.out.write(value, this.pos, "latin1");
    this.pos += written;
    this.column += value.length;
  }

  block(value: Buffer): void {
    const n = Math.min(value.length, this.out.length - this.pos);
    value.copy(this.out, this.pos, 0, n);
    this.pos += n;
    this.column += n;
  }

  word(capital: boolean): void {
    const v = this.vocabulary;
    const i = v.zipf[this.random.u32() & 0xffff] ?? 0;
    const start = v.start[i] ?? 0;
    const end = start + (v.length[i] ?? 0);
    for (let p = start; p < end && this.pos < this.out.length; p++) {
      const c = v.bytes[p] ?? 97;
      this.out[this.pos++] = capital && p === start ? c - 32 : c;
    }
    this.column += end - start;
  }

  words(count: number): void {
    for (let i = 0; i < count; i++) {
      if (i > 0) this.byte(32);
      this.word(false);
    }
  }

  hex(digits: number): void {
    for (let i = 0; i < digits; i++) this.byte(HEX.charCodeAt(this.random.u32() & 15));
  }
}

function prose(w: TextWriter): void {
  while (!w.full) {
    if (w.random.float() < 0.2) {
      w.block(w.random.pick(w.vocabulary.phrases));
    } else {
      const count = w.random.int(5, 20);
      for (let i = 0; i < count; i++) {
        w.word(i === 0);
        if (i === count - 1) w.text(". ");
        else if (w.column > 72) w.byte(10);
        else w.text(w.random.float() < 0.08 ? ", " : " ");
      }
    }
    if (w.random.float() < 0.1) w.text("\n\n");
    else if (w.column > 72) w.byte(10);
  }
}

function log(w: TextWriter): void {
  let time = Date.UTC(2024, 0, 1) + w.random.int(0, 300 * 86400) * 1000;
  const pid = w.random.int(100, 65000);
  while (!w.full) {
    time += w.random.int(0, 4000);
    w.text(`${new Date(time).toISOString()} ${w.random.pick(LEVELS).padEnd(5)} ${w.random.pick(w.vocabulary.services)}[${pid}]: `);
    if (w.random.float() < 0.4) w.block(w.random.pick(w.vocabulary.phrases));
    else {
      w.words(w.random.int(3, 12));
      w.byte(32);
    }
    w.text("req=");
    w.hex(12);
    w.text(` dur=${w.random.int(0, 2500)}ms\n`);
  }
}

function csv(w: TextWriter): void {
  w.text("id,customer,amount,currency,created_at,status,note\n");
  let id = w.random.int(1, 900000);
  let time = Date.UTC(2023, 0, 1) + w.random.int(0, 365 * 86400) * 1000;
  while (!w.full) {
    id += w.random.int(1, 3);
    time += w.random.int(1, 900) * 1000;
    w.text(`${id},`);
    w.words(2);
    const cents = w.random.int(100, 250000);
    w.text(`,${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")},${w.random.pick(CURRENCIES)},`);
    w.text(`${new Date(time).toISOString().slice(0, 19)},${w.random.pick(STATUSES)},`);
    w.words(w.random.int(0, 6));
    w.byte(10);
  }
}

export function fillText(out: Buffer, style: TextStyle, random: SeededRandom, vocabulary: Vocabulary): void {
  const writer = new TextWriter(out, random, vocabulary);
  if (style === "prose") prose(writer);
  else if (style === "log") log(writer);
  else csv(writer);
}
