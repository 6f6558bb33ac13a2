import type { TransferListItem } from "node:worker_threads";
import { damagedBlob } from "./load-blob";
import type { MasterKey } from "./master-key";
import type { BlobLocation } from "./master-index";
import { RequestWorker } from "./request-worker";
import type { BlobType } from "./types";

interface DecodeRequest {
  /** "decode" (the default) answers the plaintexts; "write" writes them to `fd` from `position`. */
  op?: "decode" | "write";
  fd?: number;
  position?: number;
  /** The stored bytes of adjacent blobs of one pack, or where they are in the read ring. */
  bytes?: Uint8Array;
  ringAt?: number;
  ringLength?: number;
  /** Where each blob lies in `bytes`. */
  blobs: { id: string; type: BlobType; offset: number; length: number; rawLength: number }[];
}

interface DecodeReply {
  /** "decode": per blob, the verified plaintext or why it is not the blob. */
  results?: ({ data: Uint8Array } | { reason: string })[];
  /** "write": bytes written; `failed` names the first blob that was not authentic, `reason` why. */
  written?: number;
  failed?: string;
  reason?: string;
  /** "write": the write to the file failed (ENOSPC, EIO...). */
  ioError?: { code?: string; message: string };
}

export type DecodeWorker = RequestWorker<DecodeRequest, DecodeReply>;

/**
 * `ring`: the read ring's memory, where "write" requests may find their bytes (read-ring.ts). One
 * worker: a second measured no faster (a 1 GiB restore is then CPU-bound on both cores) and cost
 * ~50 MiB more peak memory.
 */
export function decodeWorkerFor(master: MasterKey, ring: SharedArrayBuffer): DecodeWorker {
  return new RequestWorker(new URL("./decode-worker.mjs", import.meta.url), { key: new Uint8Array(master.encryptionKey), idKey: new Uint8Array(master.idKey), ring }, "decode worker");
}

/**
 * Decrypts, decompresses and verifies the blobs of one pack read (`bytes` starts at `offset` of
 * the pack) on the decode worker: one settled result per blob, in order, a bad blob being
 * RepositoryError("damaged") like loadBlob's. `bytes` is transferred when it owns its whole
 * buffer (drivers hand out buffers the caller owns), else copied.
 */
export async function decodeRun(worker: DecodeWorker, pack: string, offset: number, bytes: Buffer, blobs: { id: string; at: BlobLocation }[]): Promise<PromiseSettledResult<Buffer>[]> {
  const { results = [] } = await worker.request(...runRequest(offset, bytes, blobs));
  return results.map((r, i) =>
    "data" in r
      ? { status: "fulfilled", value: Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength) }
      : { status: "rejected", reason: damagedBlob(blobs[i]!.id, pack, r.reason) },
  );
}

/**
 * Like decodeRun, but the worker writes the plaintexts to `fd` one after another from `position`
 * (the stored bytes are `bytes`, transferred, or a region of the read ring)
 * and answers only how many bytes it wrote: the first blob that is not authentic throws
 * RepositoryError("damaged") (nothing of it was written), a failed write throws an Error carrying
 * its errno code. Returns the bytes written.
 */
export async function writeRun(worker: DecodeWorker, pack: string, offset: number, bytes: Buffer | { ringAt: number; ringLength: number }, blobs: { id: string; at: BlobLocation }[], fd: number, position: number): Promise<number> {
  const [request, transfer] = Buffer.isBuffer(bytes) ? runRequest(offset, bytes, blobs) : [{ ...bytes, blobs: blobLayout(offset, blobs) }, []];
  const reply = await worker.request({ ...request, op: "write", fd, position }, transfer);
  if (reply.failed !== undefined) throw damagedBlob(reply.failed, pack, reply.reason ?? "does not decode");
  if (reply.ioError) throw Object.assign(new Error(reply.ioError.message), { code: reply.ioError.code });
  return reply.written ?? 0;
}

function runRequest(offset: number, bytes: Buffer, blobs: { id: string; at: BlobLocation }[]): [DecodeRequest, TransferListItem[]] {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.byteLength > 0;
  const sent = whole ? bytes : new Uint8Array(bytes);
  return [{ bytes: sent, blobs: blobLayout(offset, blobs) }, sent.byteLength > 0 ? [sent.buffer as ArrayBuffer] : []];
}

function blobLayout(offset: number, blobs: { id: string; at: BlobLocation }[]): DecodeRequest["blobs"] {
  return blobs.map(({ id, at }) => ({ id, type: at.type, offset: at.offset - offset, length: at.length, rawLength: at.rawLength }));
}
