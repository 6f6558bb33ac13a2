import type { IncomingMessage } from "node:http";
import { HttpError } from "./http-error";

export interface ReceiveLimits {
  maxBodyBytes: number;
  /**
   * The body must deliver at least `minBytesPerWindow` bytes in every window of this length, or it
   * is cut off: this catches both a stalled client and a trickling one (1 byte/second resets any
   * plain idle timer forever but never reaches the minimum).
   */
  bodyIdleMs: number;
  /** Default 16 KiB: about 0.5 KiB/s with 30 s windows, far below any real uplink. */
  minBytesPerWindow?: number;
}

/**
 * The request body as an async iterable of chunks, pulled one at a time (so the socket is paused
 * while the device writes: backpressure), enforcing the size limit and the idle timer. Errors are
 * HttpErrors the caller answers with; a client that disconnects ends the iteration with a throw,
 * so nothing is committed.
 */
export async function* receiveBody(req: IncomingMessage, limits: ReceiveLimits, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  const declared = req.headers["content-length"];
  if (declared !== undefined && Number(declared) > limits.maxBodyBytes) {
    throw new HttpError("body_too_large", `object larger than the limit of ${limits.maxBodyBytes} bytes`);
  }
  let received = 0;
  let timedOut = false;
  let inWindow = 0;
  const minimum = Math.min(limits.minBytesPerWindow ?? 16 * 1024, declared === undefined ? Infinity : Number(declared));
  const timer = setInterval(() => {
    // Everything declared already arrived: the body is complete, nothing to wait for.
    if (inWindow < minimum && !req.complete) {
      timedOut = true;
      req.destroy();
    }
    inWindow = 0;
  }, limits.bodyIdleMs);
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      inWindow += chunk.length;
      received += chunk.length;
      if (received > limits.maxBodyBytes) throw new HttpError("body_too_large", `object larger than the limit of ${limits.maxBodyBytes} bytes`);
      onBytes(chunk.length);
      yield chunk;
    }
  } catch (error) {
    if (timedOut) throw new HttpError("request_timeout", `request body too slow: under ${minimum} bytes in ${limits.bodyIdleMs} ms`);
    throw error;
  } finally {
    clearInterval(timer);
  }
  if (timedOut) throw new HttpError("request_timeout", `request body too slow: under ${minimum} bytes in ${limits.bodyIdleMs} ms`);
  // Node ends the stream normally on a clean close even when fewer bytes arrived than declared
  // only in edge cases; check, so a short body is never committed.
  if (!req.complete || (declared !== undefined && received !== Number(declared))) throw new HttpError("bad_request", "request body shorter than its Content-Length");
}
