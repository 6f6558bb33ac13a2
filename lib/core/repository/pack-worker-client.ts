import { MessageChannel, type MessagePort, Worker } from "node:worker_threads";
import type { PackBlob } from "./pack-format";
import { WORKER_LIMITS } from "./request-worker";
import type { BlobType } from "./types";

export type WorkerReply =
  | { op: "encoded"; type: BlobType; id: string; size: number; storedSize: number; raw?: boolean; at?: number }
  | { op: "piece"; type: BlobType; bytes: Uint8Array }
  | { op: "sealed"; type: BlobType; hash: string; size: number; blobs: PackBlob[] }
  | { op: "flushed" }
  | { op: "error"; message: string };

/**
 * The main thread's handle on pack-worker.mjs. The worker is referenced (keeps the process alive)
 * only while a reply is awaited, so an idle repository never holds a script open, and a script
 * awaiting flush() is never cut short.
 */
export class PackWorkerClient {
  private readonly worker: Worker;
  /**
   * Written pieces go back on a port of their own, and a shared counter says one did: the worker
   * reads that port synchronously, and waits on the counter when all its pieces are out.
   */
  private readonly recycled: MessagePort;
  private readonly returned = new Int32Array(new SharedArrayBuffer(4));
  private outstanding = 0;

  constructor(options: { key: Buffer; packSize: number; level: number; ring: SharedArrayBuffer }, onReply: (reply: WorkerReply) => void, onFailure: (error: unknown) => void) {
    const { port1, port2 } = new MessageChannel();
    this.recycled = port1;
    this.worker = new Worker(new URL("./pack-worker.mjs", import.meta.url), {
      workerData: { key: new Uint8Array(options.key), packSize: options.packSize, level: options.level, ring: options.ring, recycled: port2, returned: this.returned },
      transferList: [port2],
      resourceLimits: WORKER_LIMITS,
    });
    this.worker.unref();
    this.worker.on("message", (reply: WorkerReply) => {
      if (reply.op === "encoded" || reply.op === "flushed") this.settle();
      onReply(reply);
    });
    this.worker.on("error", onFailure);
    this.worker.on("exit", (code) => {
      if (this.outstanding > 0) onFailure(new Error(`The pack worker exited (code ${code}) with work outstanding.`));
    });
  }

  /** A copy of the blob goes with the message (for blobs larger than the ring). */
  encode(type: BlobType, id: string, data: Buffer): void {
    this.expect();
    this.worker.postMessage({ op: "blob", type, id, data: ownBytes(data) });
  }

  /** The blob is in the shared ring at `at`; the region must stay untouched until "encoded". */
  encodeShared(type: BlobType, id: string, at: number, length: number): void {
    this.expect();
    this.worker.postMessage({ op: "blob", type, id, at, length });
  }

  appendRaw(type: BlobType, id: string, stored: Buffer, rawLength: number): void {
    this.expect();
    this.worker.postMessage({ op: "raw", type, id, stored: ownBytes(stored), rawLength });
  }

  /**
   * Gives a written piece's buffer back for reuse (transferred: detached here). Only once the
   * driver consumed it: drivers copy or write what they keep (memory driver, local files).
   * No reply, so it does not keep the worker referenced.
   */
  recycle(buffer: ArrayBuffer): void {
    this.recycled.postMessage(buffer, [buffer]);
    Atomics.add(this.returned, 0, 1);
    Atomics.notify(this.returned, 0);
  }

  flush(): void {
    this.expect();
    this.worker.postMessage({ op: "flush" });
  }

  async terminate(): Promise<void> {
    this.outstanding = 0;
    this.recycled.close();
    await this.worker.terminate();
  }

  private expect(): void {
    if (this.outstanding++ === 0) this.worker.ref();
  }

  private settle(): void {
    if (--this.outstanding === 0) this.worker.unref();
  }
}

/** postMessage copies a view's whole ArrayBuffer: never send a small slice of a large one. */
function ownBytes(data: Buffer): Uint8Array {
  return data.byteLength * 2 < data.buffer.byteLength ? new Uint8Array(data) : data;
}
