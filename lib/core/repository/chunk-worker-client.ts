import { Worker } from "node:worker_threads";
import type { ScanState } from "./fastcdc.mjs";
import type { ChunkerParams } from "./types";

export interface ScanRequest {
  /** The file reader's work buffer; the worker only reads [start, filled). */
  buffer: SharedArrayBuffer;
  start: number;
  from: number;
  filled: number;
  state: ScanState;
  /** End of the file: the bytes after the last cut are the last chunk. */
  final: boolean;
}

export interface ScanReply {
  /** Exclusive end of each completed chunk in the buffer, in order, and its id. */
  ends: number[];
  ids: string[];
  state: ScanState;
}

interface RawReply {
  seq: number;
  ends?: number[];
  ids?: string[];
  pos?: number;
  hash?: number;
  error?: string;
}

/**
 * The main thread's handle on chunk-worker.mjs, started on the first request. Like the pack
 * worker it is referenced only while a reply is awaited, so it never holds a finished script open.
 */
export class ChunkWorkerClient {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (reply: ScanReply) => void; reject: (error: Error) => void }>();

  constructor(private readonly setup: { params: ChunkerParams; gear: Uint32Array; idKey: Buffer }) {}

  scan(request: ScanRequest): Promise<ScanReply> {
    const worker = this.start();
    const seq = ++this.seq;
    if (this.waiting.size === 0) worker.ref();
    return new Promise<ScanReply>((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      const { state, ...rest } = request;
      worker.postMessage({ seq, ...rest, pos: state.pos, hash: state.hash });
    });
  }

  async terminate(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error("The chunk worker was stopped."));
    await worker?.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const { params, gear, idKey } = this.setup;
    const worker = new Worker(new URL("./chunk-worker.mjs", import.meta.url), {
      workerData: { params: { minSize: params.minSize, avgSize: params.avgSize, maxSize: params.maxSize }, gear: new Uint32Array(gear), idKey: new Uint8Array(idKey) },
    });
    worker.unref();
    worker.on("message", (reply: RawReply) => this.settle(reply));
    worker.on("error", (error) => this.failAll(error));
    worker.on("exit", (code) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(new Error(`The chunk worker exited (code ${code}) with work outstanding.`));
    });
    this.worker = worker;
    return worker;
  }

  private settle(reply: RawReply): void {
    const waiter = this.waiting.get(reply.seq);
    if (!waiter) return;
    this.waiting.delete(reply.seq);
    if (this.waiting.size === 0) this.worker?.unref();
    if (reply.error !== undefined) waiter.reject(new Error(`chunk worker: ${reply.error}`));
    else waiter.resolve({ ends: reply.ends ?? [], ids: reply.ids ?? [], state: { pos: reply.pos ?? 0, hash: reply.hash ?? 0 } });
  }

  private failAll(error: Error): void {
    const waiters = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of waiters) w.reject(error);
  }
}
