import { createRequire } from "node:module";

// @mongodb-js/zstd@1.2.2's index.js drops the level argument; its native bindings honour it.
// Both calls run on the libuv thread pool, so two in flight keep two cores busy.
interface ZstdBindings {
  compress(data: Buffer, level?: number): Promise<Buffer>;
  decompress(data: Buffer): Promise<Buffer>;
}
const bindings = createRequire(import.meta.url)("@mongodb-js/zstd/bindings") as ZstdBindings;

export function zstdCompress(data: Uint8Array, level: number): Promise<Buffer> {
  return bindings.compress(toBuffer(data), level);
}

export function zstdDecompress(data: Uint8Array): Promise<Buffer> {
  return bindings.decompress(toBuffer(data));
}

function toBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
