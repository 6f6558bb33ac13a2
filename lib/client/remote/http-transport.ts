import { once as nextEvent } from "node:events";
import https from "node:https";
import tls from "node:tls";
import { setTimeout as sleepMs } from "node:timers/promises";
import type { IncomingMessage } from "node:http";
import { StorageError } from "../../core/storage/driver";
import { connectionError, remoteError } from "./remote-error";
import type { RemoteDriverOptions } from "./remote-options";

export interface TransportRequest {
  method: "GET" | "HEAD" | "PUT" | "DELETE" | "POST";
  path: string;
  headers?: Record<string, string>;
  /** Buffers can be resent on retry; a stream is sent once. */
  body?: Buffer | AsyncIterable<Buffer>;
}

export interface Transport {
  /** Resolves with the response for 2xx (and 404 when `allow404`); throws (remote-error.ts) otherwise. */
  request(req: TransportRequest, options?: { allow404?: boolean }): Promise<IncomingMessage>;
  close(): void;
}

const RETRYABLE_NETWORK = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "ECONNABORTED"]);

/**
 * HTTPS with one keep-alive agent (TLS handshakes once per connection, not per object) and the
 * client's side of admission control: a 503 is retried after its Retry-After plus jitter (so a
 * crowd of refused clients does not come back in lock-step) for up to `busyWaitMs` in all, and a
 * dropped connection (the server closed an idle keep-alive socket as we reused it) is retried a
 * bounded number of times.
 * Every request of the protocol is idempotent (objects are immutable or whole-replaced).
 */
export function createTransport(options: RemoteDriverOptions): Transport {
  const base = new URL(options.url);
  if (base.protocol !== "https:") throw new StorageError("io", `backup server URL must be https://, got ${base.protocol}`);
  // One TLS context for all of the run's connections: given `ca` alone, every new connection
  // would build its own context and parse the certificate again.
  const secureContext = options.ca ? tls.createSecureContext({ ca: options.ca }) : undefined;
  const agent = new https.Agent({ keepAlive: true, maxSockets: 8, ...(secureContext ? { secureContext } : {}) });
  const authorization = `Basic ${Buffer.from(`${options.account}:${options.password}`).toString("base64")}`;
  const attempts = options.retry?.attempts ?? 10;
  const busyWaitMs = options.retry?.busyWaitMs ?? 15 * 60_000;
  const maxDelayMs = options.retry?.maxDelayMs ?? 30_000;
  const sleep = options.sleep ?? ((ms: number) => sleepMs(ms));
  const where = base.host;

  function once(req: TransportRequest): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { authorization, ...req.headers };
      if (Buffer.isBuffer(req.body)) headers["content-length"] = String(req.body.length);
      const outgoing = https.request({ protocol: "https:", hostname: base.hostname, port: base.port || 443, path: `${base.pathname.replace(/\/$/, "")}${req.path}`, method: req.method, headers, agent }, resolve);
      outgoing.on("error", reject);
      if (req.body === undefined) outgoing.end();
      else if (Buffer.isBuffer(req.body)) void writeInSlices(req.body, outgoing).catch((error: unknown) => outgoing.destroy(error as Error));
      else void pump(req.body, outgoing).catch((error: unknown) => outgoing.destroy(error as Error));
    });
  }

  return {
    async request(req, { allow404 = false } = {}) {
      const resendable = req.body === undefined || Buffer.isBuffer(req.body);
      let dropped = 0;
      let refused = 0;
      let busyWaited = 0;
      for (;;) {
        let res: IncomingMessage;
        const started = performance.now();
        try {
          res = await once(req);
          options.onResponse?.({ method: req.method, status: res.statusCode ?? 0, ms: performance.now() - started });
        } catch (error) {
          options.onResponse?.({ method: req.method, status: 0, ms: performance.now() - started });
          const code = (error as { code?: string }).code ?? "";
          dropped += 1;
          if (resendable && RETRYABLE_NETWORK.has(code) && dropped < attempts) {
            await sleep(backoff(dropped, null, maxDelayMs));
            continue;
          }
          throw connectionError(error, where);
        }
        const status = res.statusCode ?? 0;
        if ((status >= 200 && status < 300) || (allow404 && status === 404)) return res;
        const body = await readText(res);
        // Bounded by time, not by a count: a crowd at the session limit is told to come back in
        // seconds, and ten quick refusals in a row are normal in a busy hour, not a failure.
        if (status === 503 && resendable && busyWaited < busyWaitMs) {
          refused += 1;
          const wait = backoff(refused, res.headers["retry-after"], maxDelayMs);
          busyWaited += wait;
          await sleep(wait);
          continue;
        }
        throw remoteError(status, body, where);
      }
    },
    close: () => agent.destroy(),
  };
}

/** Retry-After (seconds) when given, else exponential from 250 ms; plus up to 50 % jitter. */
export function backoff(attempt: number, retryAfter: string | undefined | null, maxDelayMs: number): number {
  const told = retryAfter !== undefined && retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : null;
  const base = Math.min(maxDelayMs, told ?? 250 * 2 ** (attempt - 1));
  return Math.round(base * (1 + Math.random() * 0.5));
}

/** Slices of a large body written at a time (see writeInSlices). */
const WRITE_SLICE = 1024 * 1024;

/**
 * A pack is sent a slice at a time, each after the socket drained: written whole, TLS encrypts
 * all 16 MiB at once into its own buffers, and with two packs in flight a backup through the
 * server peaked above 400 MiB. Still a Buffer, so the request can be sent again on a retry.
 */
function writeInSlices(body: Buffer, outgoing: import("node:http").ClientRequest): Promise<void> {
  return pump(slicesOf(body), outgoing);
}

function* slicesOf(body: Buffer): Iterable<Buffer> {
  for (let at = 0; at < body.length; at += WRITE_SLICE) yield body.subarray(at, at + WRITE_SLICE);
}

/** Writes each chunk after the socket drained the last one, then ends the request. */
async function pump(body: Iterable<Buffer> | AsyncIterable<Buffer>, outgoing: import("node:http").ClientRequest): Promise<void> {
  for await (const chunk of body) {
    if (!outgoing.write(chunk)) await nextEvent(outgoing, "drain");
  }
  outgoing.end();
}

/** Bodies with a Content-Length are copied once into a buffer of that size (no chunk list, no concat). */
const MAX_PREALLOCATED = 256 * 1024 * 1024;

/**
 * The body, copied once into `into` when given (a restore's read ring: a body longer than it is
 * an error, a shorter one comes back short), else into a buffer of its Content-Length.
 */
export async function readBody(res: IncomingMessage, into?: Uint8Array): Promise<Buffer> {
  const declared = Number(res.headers["content-length"]);
  if (into || (Number.isSafeInteger(declared) && declared > 0 && declared <= MAX_PREALLOCATED)) {
    const out = into ? Buffer.from(into.buffer, into.byteOffset, into.byteLength) : Buffer.allocUnsafe(declared);
    let filled = 0;
    for await (const chunk of res as AsyncIterable<Buffer>) {
      if (filled + chunk.length > out.length) {
        res.destroy();
        throw new StorageError("io", `the server sent more than the ${out.length} bytes asked for`);
      }
      filled += chunk.copy(out, filled);
    }
    // A connection cut half-way leaves it short: callers compare the length they expected.
    return filled === out.length ? out : out.subarray(0, filled);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of res as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function readText(res: IncomingMessage): Promise<string> {
  return (await readBody(res)).toString("utf8").slice(0, 10_000);
}
