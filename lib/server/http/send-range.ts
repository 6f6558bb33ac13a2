import { once } from "node:events";
import { HttpError } from "./http-error";
import type { AccountRequest } from "./protocol-context";

/** Restores read 8 MiB runs of a pack: sent in pieces of this size, the next read while one is sent. */
const PIECE_BYTES = 1024 * 1024;

/**
 * Answers a range read as a stream: the first piece is read before the headers (so a missing
 * object or a range past the end is still a clean 404 / 416), then each further piece is read
 * from the device while the previous one goes out, with the socket's backpressure respected. The
 * daemon holds two pieces per request instead of the whole range, and the client gets the first
 * bytes after one piece's disk read instead of the whole range's. A read failing half-way (the
 * object deleted by a prune meanwhile) cuts the connection: the client sees a short body.
 */
export async function sendRange(r: AccountRequest, key: string, range: { start: number; end: number | null }): Promise<void> {
  const stat = await r.driver.stat(key);
  if (!stat) throw new HttpError("not_found", "no such object");
  // As HTTP ranges are (RFC 9110 14.1.2): an end past the object is cut to its last byte, which
  // lets a client read ahead in windows without knowing the pack's size. A start past it is 416.
  if (range.start >= stat.size) throw new HttpError("range_not_satisfiable", "range past the end of the object");
  const end = Math.min(range.end ?? stat.size - 1, stat.size - 1);
  const read = (from: number) => r.driver.readRange(key, from, Math.min(PIECE_BYTES, end + 1 - from));
  let next = read(range.start);
  let piece = await next;
  r.res.writeHead(206, { "content-type": "application/octet-stream", "content-length": String(end + 1 - range.start), "content-range": `bytes ${range.start}-${end}/*` });
  for (let at = range.start; ; ) {
    at += piece.length;
    if (at <= end) {
      next = read(at);
      next.catch(() => undefined); // Awaited below; a failure there cuts the answer.
    }
    r.deps.metrics.bytesOut += piece.length;
    const flushed = r.res.write(piece);
    if (at > end) break;
    if (!flushed) await Promise.race([once(r.res, "drain"), once(r.res, "close")]);
    if (r.res.destroyed) return;
    try {
      piece = await next;
    } catch (error) {
      r.deps.logger.warn({ err: error, account: r.account.loginName, key }, "range read failed half-way; connection cut");
      r.res.destroy();
      return;
    }
  }
  r.res.end();
}
