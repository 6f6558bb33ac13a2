// The save pipeline's worker thread: compresses, encrypts and packs blobs, and hashes each full
// pack, so none of that (nor its buffer churn, which drives the main isolate's garbage collector)
// runs on the main thread. Plain JavaScript so it loads the same under node, tsx and vitest.
// Byte layouts: FORMAT.md sections 2.2, 4 and 5; the TypeScript decoders (blob-codec.ts,
// pack-format.ts) read what this writes, and every save test round-trips through both.
import { createHash, randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { blobAad, TYPE_BYTE } from "./blob-aad.mjs";

const require = createRequire(import.meta.url);
const { dropPages, gcmSeal } = require("strongroom-native");
// Synchronous zstd into a buffer we own: this is a worker thread already. Measured against two and
// three calls in flight on the libuv pool (1 GiB, 3 interleaved runs): 5.8 -> 5.1 s, 9.1 -> 7.9
// CPU-s, peak 216 -> 188 MiB (no output buffer per blob, no hand-off per blob).
const { CCtx, compressBound } = require("zstd-napi/binding");
const cctx = new CCtx();
const key = Buffer.from(workerData.key);
const TAG = 16;
/** @type {SharedArrayBuffer} The main thread's blob ring (shared-ring.ts). */
const ring = workerData.ring;
const packSize = workerData.packSize;
const level = workerData.level;
const MIN_SAVING = 0.03;

/**
 * A pack is not held whole: its bytes are copied into pieces of PIECE_BYTES that go to the main
 * thread (transferred, no copy) as they fill, and the main thread streams them to the device
 * (driver.writeNamedAtEnd), so a pack costs a piece or two of memory instead of 16 MiB buffers.
 * The SHA-256 that names the pack is computed as the bytes go by. Written pieces come back (on a
 * port of their own, read synchronously) and are reused. At most MAX_PIECES exist: when all are
 * on their way to the device, the worker waits for one to come back, so a device slower than the
 * worker (a pack's fsync) holds the worker back instead of filling memory with pieces. Unbounded,
 * a 1 GiB backup had 13-18 pieces out at once; dropped instead of reused, a piece stayed resident
 * until this isolate's collector ran (a backup allocated 117 with 8 spares kept).
 * @returns {{ hash: import("node:crypto").Hash, blobs: object[], size: number, piece: Buffer | null, used: number }}
 */
const emptyPack = () => ({ hash: createHash("sha256"), blobs: [], size: 0, piece: null, used: 0 });
const open = { data: emptyPack(), tree: emptyPack() };
const PIECE_BYTES = 1024 * 1024;
/** @type {Buffer[]} */
const sparePieces = [];
/** Enough for the open data and tree packs' pieces and those being written (WRITE_CONCURRENCY). */
const MAX_PIECES = 8;
let piecesMade = 0;
/** @type {import("node:worker_threads").MessagePort} Written pieces' buffers (never started). */
const recycled = workerData.recycled;
/** @type {Int32Array} Counts pieces given back (pack-worker-client.ts). */
const returned = workerData.returned;
/**
 * A wait longer than this gives up and makes a piece: a write that failed never gives its pieces
 * back, and the main thread then fails the save and stops this worker; it must not hang first.
 */
const PIECE_WAIT_MS = 2000;

function takePiece() {
  for (const deadline = Date.now() + PIECE_WAIT_MS; ; ) {
    const seen = Atomics.load(returned, 0);
    for (let m = receiveMessageOnPort(recycled); m; m = receiveMessageOnPort(recycled)) {
      if (m.message.byteLength === PIECE_BYTES) sparePieces.push(Buffer.from(m.message));
    }
    const spare = sparePieces.pop();
    if (spare) return spare;
    const left = deadline - Date.now();
    if (piecesMade < MAX_PIECES || left <= 0) break;
    Atomics.wait(returned, 0, seen, left);
  }
  piecesMade += 1;
  return Buffer.allocUnsafe(PIECE_BYTES);
}

/** Appends bytes to the pack: hashed, copied into pieces, each full piece posted. */
function write(type, pack, bytes) {
  pack.hash.update(bytes);
  pack.size += bytes.length;
  let at = 0;
  while (at < bytes.length) {
    pack.piece ??= takePiece();
    const n = bytes.copy(pack.piece, pack.used, at);
    at += n;
    pack.used += n;
    if (pack.used === pack.piece.length) postPiece(type, pack);
  }
}

function postPiece(type, pack) {
  if (pack.used === 0) return;
  const bytes = pack.piece.subarray(0, pack.used);
  pack.piece = null;
  pack.used = 0;
  // A piece owns its whole ArrayBuffer (allocUnsafe of 1 MiB is never pooled): transferred.
  parentPort.postMessage({ op: "piece", type, bytes }, [bytes.buffer]);
}

/**
 * [nonce, ciphertext || tag], the box written to `out` (strongroom-native's gcmSeal: no buffer per
 * blob, unlike node:crypto's Cipher), which may begin at the plaintext itself (sealed in place).
 */
function seal(plaintext, aad, out) {
  const nonce = randomBytes(12);
  return [nonce, out.subarray(0, gcmSeal(key, nonce, aad, plaintext, out))];
}

/**
 * Blobs from this size are compressed only when a sample of them compresses: SAMPLES slices of
 * SAMPLE_BYTES spread over the blob, compressed together, must save at least a third of
 * MIN_SAVING. Incompressible data (archives, media, encrypted files: 40-60 % of the bench corpus)
 * then costs one zstd call over 64 KiB instead of over the whole blob, which measured ~0.5
 * CPU-seconds per GB of backup. Borg's `auto` compression decides the same way (with lz4).
 * Slices every blob/SAMPLES bytes find any compressible stretch longer than that.
 */
const SAMPLED_FROM = 256 * 1024;
const SAMPLES = 8;
const SAMPLE_BYTES = 8 * 1024;

const sampleIn = Buffer.allocUnsafe(SAMPLES * SAMPLE_BYTES);
const sampleOut = Buffer.allocUnsafe(compressBound(SAMPLES * SAMPLE_BYTES));
/**
 * One buffer per worker for a blob's compressed form and then its box, until the box is copied
 * into the pack: a compressed body is sealed in place, a raw one from the ring into it (room for
 * either, as compressBound(n) >= n). Grows with the largest blob seen. A second buffer for the box
 * measured 8 MiB more peak memory and one more copy per blob.
 */
let scratch = Buffer.allocUnsafe(0);
/**
 * After a blob longer than this, the scratch buffer's pages beyond it go back to the kernel: most
 * blobs are near the 1 MiB average, and one long chunk would otherwise keep up to 8 MiB resident
 * to the end of the backup. Few blobs are longer (~2 % of random data), so re-touching is cheap.
 */
const SCRATCH_KEPT = 2 * 1024 * 1024;

function scratchFor(length) {
  const size = compressBound(length) + TAG;
  // Doubling: an outgrown buffer is garbage until this isolate's collector runs, and the pages of
  // a larger one that no blob reaches are never touched, so they cost no memory.
  if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, 2 * scratch.length));
  return scratch;
}

function compressSync(plaintext, out) {
  return out.subarray(0, cctx.compress(out, plaintext, level));
}

function worthCompressing(plaintext) {
  if (plaintext.length < SAMPLED_FROM) return plaintext.length >= 64;
  const step = Math.floor((plaintext.length - SAMPLE_BYTES) / (SAMPLES - 1));
  for (let i = 0; i < SAMPLES; i++) plaintext.copy(sampleIn, i * SAMPLE_BYTES, i * step, i * step + SAMPLE_BYTES);
  const packed = compressSync(sampleIn, sampleOut);
  return packed.length <= sampleIn.length * (1 - MIN_SAVING / 3);
}

/** The blob's method (0 raw, 1 zstd) and the body to seal. */
function chooseBody(plaintext) {
  const compressed = worthCompressing(plaintext) ? compressSync(plaintext, scratchFor(plaintext.length)) : null;
  const method = compressed !== null && compressed.length <= plaintext.length * (1 - MIN_SAVING) ? 1 : 0;
  return { method, body: method === 1 ? compressed : plaintext };
}

/** The stored blob's parts: method, nonce, box (in the scratch buffer until appended). */
function encodeBlob(type, id, method, body) {
  return [Buffer.from([method]), ...seal(body, blobAad(type, id, method), scratchFor(body.length))];
}

function packHeader(blobs) {
  const plain = Buffer.alloc(4 + 41 * blobs.length);
  plain.writeUInt32LE(blobs.length, 0);
  blobs.forEach((b, i) => {
    const at = 4 + i * 41;
    plain[at] = TYPE_BYTE[b.type];
    plain.write(b.id, at + 1, "hex");
    plain.writeUInt32LE(b.length, at + 33);
    plain.writeUInt32LE(b.rawLength, at + 37);
  });
  const box = Buffer.concat(seal(plain, Buffer.from("strongroom pack header v1"), Buffer.allocUnsafe(plain.length + TAG)));
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(box.length, 0);
  trailer.write("SRP1", 4, "latin1");
  return [box, trailer];
}

function append(type, id, parts, rawLength) {
  const pack = open[type];
  const length = parts.reduce((n, p) => n + p.length, 0);
  pack.blobs.push({ type, id, offset: pack.size, length, rawLength });
  for (const part of parts) write(type, pack, part);
  if (pack.size >= packSize) sealPack(type);
}

/** Ends the pack: header and trailer, the last piece, then its name (the hash) and blobs. */
function sealPack(type) {
  const pack = open[type];
  if (pack.blobs.length === 0) return;
  open[type] = emptyPack();
  for (const part of packHeader(pack.blobs)) write(type, pack, part);
  postPiece(type, pack);
  parentPort.postMessage({ op: "sealed", type, hash: pack.hash.digest("hex"), size: pack.size, blobs: pack.blobs });
}

/** Every message is handled to the end before the next: a blob's scratch buffers are free again. */
function handle(message) {
  if (message.op === "blob") {
    const data = message.data
      ? Buffer.from(message.data.buffer, message.data.byteOffset, message.data.byteLength)
      : Buffer.from(ring, message.at, message.length);
    const { method, body } = chooseBody(data);
    const parts = encodeBlob(message.type, message.id, method, body);
    const storedSize = parts.reduce((n, p) => n + p.length, 0);
    // "encoded" before the "pack" that append() may post: main releases the plaintext (and its
    // ring region, which nothing here reads any more) first.
    parentPort.postMessage({ op: "encoded", type: message.type, id: message.id, size: data.length, storedSize, at: message.at });
    append(message.type, message.id, parts, data.length);
    if (data.length > SCRATCH_KEPT) dropPages(scratch.subarray(SCRATCH_KEPT));
  } else if (message.op === "raw") {
    const stored = Buffer.from(message.stored.buffer, message.stored.byteOffset, message.stored.byteLength);
    parentPort.postMessage({ op: "encoded", type: message.type, id: message.id, size: stored.length, storedSize: stored.length, raw: true });
    append(message.type, message.id, [stored], message.rawLength);
  } else if (message.op === "flush") {
    sealPack("data");
    sealPack("tree");
    parentPort.postMessage({ op: "flushed" });
  }
}

parentPort.on("message", (message) => {
  try {
    handle(message);
  } catch (error) {
    parentPort.postMessage({ op: "error", message: String(error?.stack ?? error) });
  }
});
