import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const native = createRequire(import.meta.url)("strongroom-native") as typeof import("strongroom-native");

const key = randomBytes(32);
const nonce = randomBytes(12);
const aad = Buffer.from("SRB1 test aad");

function sealWithNode(plain: Buffer): Buffer {
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(aad);
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

describe("strongroom-native AES-256-GCM", () => {
  it("opens what node:crypto seals, in place and in a window of shared memory", () => {
    const plain = randomBytes(300_000);
    const sealed = sealWithNode(plain);
    const inPlace = Buffer.from(sealed);
    expect(native.gcmOpen(key, nonce, aad, inPlace, inPlace)).toBe(plain.length);
    expect(inPlace.subarray(0, plain.length).equals(plain)).toBe(true);

    const shared = Buffer.from(new SharedArrayBuffer(sealed.length + 100));
    sealed.copy(shared, 50);
    const window = shared.subarray(50, 50 + sealed.length);
    expect(native.gcmOpen(key, nonce, aad, window, window)).toBe(plain.length);
    expect(window.subarray(0, plain.length).equals(plain)).toBe(true);
  });

  it("seals what node:crypto opens, also over its own input", () => {
    const plain = randomBytes(70_000);
    const out = Buffer.alloc(plain.length + 16);
    plain.copy(out);
    expect(native.gcmSeal(key, nonce, aad, out.subarray(0, plain.length), out)).toBe(plain.length + 16);
    const decipher = createDecipheriv("aes-256-gcm", key, nonce);
    decipher.setAAD(aad);
    decipher.setAuthTag(out.subarray(plain.length));
    expect(Buffer.concat([decipher.update(out.subarray(0, plain.length)), decipher.final()]).equals(plain)).toBe(true);
  });

  it("answers -1 for a flipped bit, a wrong key, nonce or aad, and a truncated box", () => {
    const sealed = sealWithNode(randomBytes(1000));
    const open = (k: Buffer, n: Buffer, a: Buffer, box: Buffer) => native.gcmOpen(k, n, a, Buffer.from(box), Buffer.alloc(box.length));
    const flipped = Buffer.from(sealed);
    flipped[500]! ^= 1;
    expect(open(key, nonce, aad, flipped)).toBe(-1);
    expect(open(randomBytes(32), nonce, aad, sealed)).toBe(-1);
    expect(open(key, randomBytes(12), aad, sealed)).toBe(-1);
    expect(open(key, nonce, Buffer.from("other"), sealed)).toBe(-1);
    expect(open(key, nonce, aad, sealed.subarray(0, sealed.length - 1))).toBe(-1);
    expect(open(key, nonce, aad, sealed.subarray(0, 10))).toBe(-1);
    expect(open(key, nonce, aad, sealed)).toBe(1000);
  });

  it("refuses bad sizes and non-byte arguments with clear errors", () => {
    const sealed = sealWithNode(randomBytes(100));
    expect(() => native.gcmOpen(key, nonce, aad, sealed, Buffer.alloc(50))).toThrow(/output buffer too small/);
    expect(() => native.gcmOpen(key.subarray(0, 16), nonce, aad, sealed, Buffer.alloc(200))).toThrow(/key must be 32 bytes/);
    expect(() => native.gcmSeal(key, nonce, aad, Buffer.alloc(100), Buffer.alloc(100))).toThrow(/output buffer too small/);
    expect(() => native.gcmOpen(key, nonce, aad, "text" as unknown as Buffer, Buffer.alloc(200))).toThrow(/expected a Uint8Array/);
  });
});

describe("strongroom-native dropPages", () => {
  const PAGE = 4096;
  const residentAnonKiB = () => Number(/RssAnon:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1]);

  it("zeroes exactly the whole pages inside the view and nothing around them", () => {
    const buffer = Buffer.alloc(1 << 20, 7);
    const view = buffer.subarray(100, 200_000);
    const dropped = native.dropPages(view);
    const first = buffer.indexOf(0);
    expect(dropped).toBeGreaterThan(0);
    expect(dropped % PAGE).toBe(0);
    // One run of zeros, `dropped` long, inside the view and within a page of each of its ends.
    expect(buffer.subarray(first, first + dropped).every((b) => b === 0)).toBe(true);
    expect(buffer.subarray(0, first).every((b) => b === 7)).toBe(true);
    expect(buffer.subarray(first + dropped).every((b) => b === 7)).toBe(true);
    expect(first).toBeGreaterThanOrEqual(100);
    expect(first).toBeLessThan(100 + PAGE);
    expect(first + dropped).toBeLessThanOrEqual(200_100);
    expect(first + dropped).toBeGreaterThan(200_100 - PAGE);
    // Still usable: writes land and read back.
    view.fill(9);
    expect(view.every((b) => b === 9)).toBe(true);
  });

  it("gives the pages back to the kernel, shared memory too", () => {
    const size = 64 << 20;
    const buffer = Buffer.from(new SharedArrayBuffer(size)).fill(1);
    const before = residentAnonKiB();
    native.dropPages(buffer);
    const after = residentAnonKiB();
    expect(before - after).toBeGreaterThan(48 * 1024);
  });

  it("drops nothing from a view smaller than a page, and refuses what is not bytes", () => {
    const buffer = Buffer.alloc(3 * PAGE, 5);
    expect(native.dropPages(buffer.subarray(10, 10 + PAGE - 20))).toBe(0);
    expect(native.dropPages(buffer.subarray(0, 0))).toBe(0);
    expect(buffer.every((b) => b === 5)).toBe(true);
    expect(() => native.dropPages("text" as unknown as Buffer)).toThrow(/expected a Uint8Array/);
    expect(() => (native.dropPages as () => number)()).toThrow(/expected a Uint8Array/);
  });
});
