// The restore's decode worker: decrypts, decompresses and re-hashes the blobs of one pack read, so
// the main thread only reads packs. Measured before it (1 GiB restore): the main thread spent ~1 s
// in WebCrypto's bookkeeping, ~1 s collecting the buffers that decoding left behind and ~0.5 s in
// BLAKE3, and was the restore's limit. A "write" request also writes the plaintexts to a file
// descriptor here, synchronously: no thread hand-off, no buffer per blob (FORMAT.md 12). Byte
// layout: FORMAT.md 4 (blob-codec.ts decodes the same bytes on the main thread for check and single
// loads). Plain JavaScript so it loads the same under node, tsx, vitest and the bundled CLI.
import { writeSync } from "node:fs";
import { createRequire } from "node:module";
import { parentPort, workerData } from "node:worker_threads";
import { blobAad } from "./blob-aad.mjs";

const require = createRequire(import.meta.url);
// zstd-napi's binding decompresses synchronously into a buffer we own (this is a worker thread
// already, so a hand-off to the libuv pool per blob would only add a wake-up and a fresh buffer).
const { DCtx } = require("zstd-napi/binding");
const { Blake3Hasher } = require("@napi-rs/blake-hash");
const { gcmOpen } = require("strongroom-native");
const key = Buffer.from(workerData.key);
const idKey = Buffer.from(workerData.idKey);
/** The main thread's read ring (read-ring.ts): "write" requests may name a region of it. */
const ring = Buffer.from(workerData.ring);
const dctx = new DCtx();
const NONCE = 12;
const TAG = 16;
const NOT_AUTHENTIC = "does not decrypt (bytes altered, or not this blob)";
/** Reused for every compressed blob a "write" request decodes; grows to the largest blob seen. */
let scratch = Buffer.allocUnsafe(0);

/**
 * The plaintext (in `into(rawLength)` when compressed), or the reason (a phrase after
 * "Blob <id> in pack <key> ") it is not the blob.
 */
function decode(stored, blob, into) {
  const method = stored[0];
  if ((method !== 0 && method !== 1) || stored.length < 1 + NONCE + TAG) return NOT_AUTHENTIC;
  const aad = blobAad(blob.type, blob.id, method);
  // Decrypted in place: the stored bytes are this worker's (transferred, or a read ring region
  // nothing else reads until we answer), so no buffer is allocated per blob.
  const sealed = stored.subarray(1 + NONCE);
  const length = gcmOpen(key, stored.subarray(1, 1 + NONCE), aad, sealed, sealed);
  if (length < 0) return NOT_AUTHENTIC;
  const body = sealed.subarray(0, length);
  let plain = body;
  if (method === 1) {
    const out = into(blob.rawLength);
    try {
      plain = out.subarray(0, dctx.decompress(out, body));
    } catch {
      return "does not decompress";
    }
  }
  if (plain.length !== blob.rawLength || Blake3Hasher.newKeyed(idKey).update(plain).digest("hex") !== blob.id) return "does not match its id";
  return plain;
}

/** A fresh buffer per blob: its plaintext is handed to the main thread. */
const fresh = (n) => Buffer.allocUnsafe(n);

function reusable(n) {
  // One byte more than the blob: a frame that decompresses to more than rawLength fails the length
  // check instead of being cut to fit.
  if (scratch.length < n + 1) scratch = Buffer.allocUnsafe(n + 1);
  return scratch;
}

/** Transferable without detaching anything else: a Buffer that owns its whole ArrayBuffer. */
function owned(buffer) {
  return buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength ? buffer : new Uint8Array(buffer);
}

function writeAll(fd, data, position) {
  for (let done = 0; done < data.length; ) done += writeSync(fd, data, done, data.length - done, position + done);
}

/** Decodes the blobs and returns their plaintexts (loadBlobs). */
function decodeRequest(stored, blobs) {
  const results = blobs.map((b) => {
    const r = decode(stored.subarray(b.offset, b.offset + b.length), b, fresh);
    return typeof r === "string" ? { reason: r } : { data: owned(r) };
  });
  return { reply: { results }, transfer: results.flatMap((r) => (r.data && r.data.byteLength > 0 ? [r.data.buffer] : [])) };
}

/**
 * Decodes the blobs and writes them one after another to `fd` from `position` (writeBlobs). Stops
 * at the first blob that is not authentic: `written` says how far it got, `reason` why.
 */
function writeRequest(stored, blobs, fd, position) {
  let at = position;
  for (const b of blobs) {
    const r = decode(stored.subarray(b.offset, b.offset + b.length), b, reusable);
    if (typeof r === "string") return { reply: { written: at - position, failed: b.id, reason: r }, transfer: [] };
    try {
      writeAll(fd, r, at);
    } catch (error) {
      return { reply: { written: at - position, ioError: { code: error.code, message: error.message } }, transfer: [] };
    }
    at += r.length;
  }
  return { reply: { written: at - position }, transfer: [] };
}

parentPort.on("message", ({ seq, op, bytes, ringAt, ringLength, blobs, fd, position }) => {
  try {
    const stored = bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : ring.subarray(ringAt, ringAt + ringLength);
    const { reply, transfer } = op === "write" ? writeRequest(stored, blobs, fd, position) : decodeRequest(stored, blobs);
    parentPort.postMessage({ seq, ...reply }, transfer);
  } catch (error) {
    parentPort.postMessage({ seq, error: String(error?.stack ?? error) });
  }
});
