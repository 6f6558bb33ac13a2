import https from "node:https";
import type { ProtocolDeps } from "./protocol-context";
import { createRequestHandler } from "./handle-request";

export interface ServerTimeouts {
  /** Whole request headers must arrive within this (slow-loris on headers). */
  headersTimeoutMs: number;
  /** A whole request (headers and body) must arrive within this; a 64 MiB body at 1 MB/s fits. */
  requestTimeoutMs: number;
  /** Idle keep-alive connections are closed after this; above the client agent's own idle time. */
  keepAliveTimeoutMs: number;
}

export const defaultTimeouts: ServerTimeouts = { headersTimeoutMs: 20_000, requestTimeoutMs: 300_000, keepAliveTimeoutMs: 65_000 };

export function createProtocolServer(deps: ProtocolDeps, tls: { key: Buffer; cert: Buffer }, timeouts: ServerTimeouts = defaultTimeouts): https.Server {
  const handler = createRequestHandler(deps);
  const server = https.createServer({
    key: tls.key,
    cert: tls.cert,
    headersTimeout: timeouts.headersTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    keepAliveTimeout: timeouts.keepAliveTimeoutMs,
    // Node checks the two timeouts above on this interval (default 30 s, too coarse for them).
    connectionsCheckingInterval: Math.max(100, Math.min(1_000, timeouts.headersTimeoutMs / 4)),
  });
  // A TLS handshake that never completes holds a socket too.
  server.setTimeout(timeouts.requestTimeoutMs);
  server.on("request", (req, res) => void handler(req, res));
  // No "clientError" listener on purpose: Node's default answers a malformed request (a raw NUL
  // in the path) with 400 and a header timeout with 408, then destroys the socket. A listener
  // would have to destroy it too: the server's sockets are half-open, so ending our side alone
  // would keep reading a slow-loris client forever.
  return server;
}
