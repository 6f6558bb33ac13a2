// The restore's decode worker: decrypts, decompresses and re-hashes the blobs of one pack read, so
// the main thread only reads packs and writes files. Measured before it (1 GiB restore): the main
// thread spent ~1 s in WebCrypto's bookkeeping, ~1 s collecting the buffers that decoding left
// behind and ~0.5 s in BLAKE3, and was the restore's limit. Byte layout: FORMAT.md 4 (blob-codec.ts
// decodes the same bytes on the main thread for check and single loads). Plain JavaScript so it
// loads the same under node, tsx, vitest and the bundled CLI.
import { createDecipheriv } from "node:crypto";
import { createRequire } from "node:module";
import { parentPort, workerData } from "node:worker_threads";

const require = createRequire(import.meta.url);
/** @type {{ decompress(data: Buffer): Promise<Buffer> }} */
const zstd = require("@mongodb-js/zstd/bindings");
const { Blake3Hasher } = require("@napi-rs/blake-hash");
const key = Buffer.from(workerData.key);
const idKey = Buffer.from(workerData.idKey);
const TYPE_BYTE = { data: 0, tree: 1 };
const NONCE = 12;
const TAG = 16;
const NOT_AUTHENTIC = "does not decrypt (bytes altered, or not this blob)";

/** The plaintext, or the reason (a phrase after "Blob <id> in pack <key> ") it is not the blob. */
async function decode(stored, blob) {
  const method = stored[0];
  if ((method !== 0 && method !== 1) || stored.length < 1 + NONCE + TAG) return NOT_AUTHENTIC;
  const aad = Buffer.alloc(38);
  aad.write("SRB1", 0, "latin1");
  aad[4] = TYPE_BYTE[blob.type];
  aad.write(blob.id, 5, "hex");
  aad[37] = method;
  let body;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, stored.subarray(1, 1 + NONCE));
    decipher.setAAD(aad);
    decipher.setAuthTag(stored.subarray(stored.length - TAG));
    body = decipher.update(stored.subarray(1 + NONCE, stored.length - TAG));
    decipher.final();
  } catch {
    return NOT_AUTHENTIC;
  }
  let plain = body;
  if (method === 1) {
    try {
      plain = await zstd.decompress(body);
    } catch {
      return "does not decompress";
    }
  }
  if (plain.length !== blob.rawLength || Blake3Hasher.newKeyed(idKey).update(plain).digest("hex") !== blob.id) return "does not match its id";
  return plain;
}

/** Transferable without detaching anything else: a Buffer that owns its whole ArrayBuffer. */
function owned(buffer) {
  return buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength ? buffer : new Uint8Array(buffer);
}

parentPort.on("message", async ({ seq, bytes, blobs }) => {
  try {
    const stored = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // One blob at a time: its decrypted body is garbage once decompressed, so a read's blobs never
    // hold their bodies all at once (runs of several reads are in flight, each on the pool).
    const out = [];
    for (const b of blobs) {
      const r = await decode(stored.subarray(b.offset, b.offset + b.length), b);
      out.push(typeof r === "string" ? { reason: r } : { data: owned(r) });
    }
    parentPort.postMessage({ seq, results: out }, out.flatMap((r) => (r.data && r.data.byteLength > 0 ? [r.data.buffer] : [])));
  } catch (error) {
    parentPort.postMessage({ seq, error: String(error?.stack ?? error) });
  }
});
