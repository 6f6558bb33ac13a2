import { damagedBlob } from "./load-blob";
import type { MasterKey } from "./master-key";
import type { BlobLocation } from "./master-index";
import { RequestWorker } from "./request-worker";
import type { BlobType } from "./types";

interface DecodeRequest {
  /** The stored bytes of adjacent blobs of one pack. */
  bytes: Uint8Array;
  /** Where each blob lies in `bytes`. */
  blobs: { id: string; type: BlobType; offset: number; length: number; rawLength: number }[];
}

interface DecodeReply {
  /** Per blob: the verified plaintext, or why it is not the blob. */
  results: ({ data: Uint8Array } | { reason: string })[];
}

export type DecodeWorker = RequestWorker<DecodeRequest, DecodeReply>;

export function decodeWorkerFor(master: MasterKey): DecodeWorker {
  return new RequestWorker(new URL("./decode-worker.mjs", import.meta.url), { key: new Uint8Array(master.encryptionKey), idKey: new Uint8Array(master.idKey) }, "decode worker");
}

/**
 * Decrypts, decompresses and verifies the blobs of one pack read (`bytes` starts at `offset` of
 * the pack) on the decode worker: one settled result per blob, in order, a bad blob being
 * RepositoryError("damaged") like loadBlob's. `bytes` is transferred when it owns its whole
 * buffer (drivers hand out buffers the caller owns), else copied.
 */
export async function decodeRun(worker: DecodeWorker, pack: string, offset: number, bytes: Buffer, blobs: { id: string; at: BlobLocation }[]): Promise<PromiseSettledResult<Buffer>[]> {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.byteLength > 0;
  const sent = whole ? bytes : new Uint8Array(bytes);
  const request = {
    bytes: sent,
    blobs: blobs.map(({ id, at }) => ({ id, type: at.type, offset: at.offset - offset, length: at.length, rawLength: at.rawLength })),
  };
  const { results } = await worker.request(request, sent.byteLength > 0 ? [sent.buffer as ArrayBuffer] : []);
  return results.map((r, i) =>
    "data" in r
      ? { status: "fulfilled", value: Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength) }
      : { status: "rejected", reason: damagedBlob(blobs[i]!.id, pack, r.reason) },
  );
}
