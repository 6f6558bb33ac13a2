import type { ServerResponse } from "node:http";

/**
 * The protocol's closed set of error codes. Clients switch on `code`; `message` is for people
 * and never carries internals (paths on the device, stack traces, SQL).
 */
export type ProtocolErrorCode =
  | "bad_request"
  | "invalid_key"
  | "hash_mismatch"
  | "unauthorized"
  | "suspended"
  | "not_found"
  | "unknown_session"
  | "session_conflict"
  | "range_not_satisfiable"
  | "body_too_large"
  | "over_quota"
  | "request_timeout"
  | "busy"
  | "draining"
  | "no_space"
  | "internal";

const statusOf: Record<ProtocolErrorCode, number> = {
  bad_request: 400,
  invalid_key: 400,
  hash_mismatch: 400,
  unauthorized: 401,
  suspended: 403,
  not_found: 404,
  unknown_session: 404,
  session_conflict: 409,
  range_not_satisfiable: 416,
  body_too_large: 413,
  over_quota: 507,
  request_timeout: 408,
  busy: 503,
  draining: 503,
  no_space: 507,
  internal: 500,
};

export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: ProtocolErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
    this.status = statusOf[code];
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { "content-type": "application/json", "content-length": String(bytes.length), ...headers });
  res.end(bytes);
}

/**
 * Writes the error unless the response already started (then the socket is all we can cut).
 * `bodyUnread`: the request's body was not (fully) read, so the connection is closed after the
 * answer. Reading on to reuse it would let an unauthenticated or oversized upload keep streaming
 * into the server, and leaving the rest unread would have it parsed as the next request.
 */
export function sendError(res: ServerResponse, error: HttpError, bodyUnread = false): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const close: Record<string, string> = bodyUnread ? { connection: "close" } : {};
  sendJson(res, error.status, { error: { code: error.code, message: error.message } }, { ...error.headers, ...close });
}
