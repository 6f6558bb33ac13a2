import { createCipheriv, createHash, type Cipher } from "node:crypto";

// Every byte of the corpus comes from one of these two generators, keyed by a label derived from the
// seed, so the same seed gives the same bytes on any machine and any Node version.

/** sfc32, seeded by SHA-256 of a label: small, fast, good enough for sizes, names and words. */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(label: string) {
    const h = createHash("sha256").update(label).digest();
    this.a = h.readUInt32LE(0);
    this.b = h.readUInt32LE(4);
    this.c = h.readUInt32LE(8);
    this.d = h.readUInt32LE(12) | 1;
    for (let i = 0; i < 16; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
}

/** Incompressible bytes: the AES-256-CTR keystream under a key derived from a label. */
export class RandomBytes {
  private readonly cipher: Cipher;
  private static readonly zeros = Buffer.alloc(1 << 20);

  constructor(label: string) {
    const key = createHash("sha256").update(`bytes:${label}`).digest();
    this.cipher = createCipheriv("aes-256-ctr", key, Buffer.alloc(16));
  }

  next(length: number): Buffer {
    if (length <= RandomBytes.zeros.length) return this.cipher.update(RandomBytes.zeros.subarray(0, length));
    return this.cipher.update(Buffer.alloc(length));
  }
}
