import tls from "node:tls";

export interface RawResponse {
  status: number;
  headers: string;
  body: string;
  /** The server closed the connection without answering. */
  closedWithoutAnswer: boolean;
}

/**
 * Sends bytes over a fresh TLS connection exactly as given (no client-side path normalization or
 * header validation, which node:https would apply) and reads until the server closes, or until
 * `endAfterMs` when the test half-closes early. Lets a test be the hostile client.
 */
export function rawHttps(port: number, ca: Buffer, request: Buffer | string, options: { endAfterWrite?: boolean; timeoutMs?: number } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: "127.0.0.1", port, ca, servername: "localhost" }, () => {
      socket.write(request);
      if (options.endAfterWrite) socket.end();
    });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error("server kept the connection open"));
    }, options.timeoutMs ?? 10_000);
    socket.on("data", (d: Buffer) => chunks.push(d));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(parseResponse(Buffer.concat(chunks).toString("latin1")));
    });
  });
}

function parseResponse(text: string): RawResponse {
  if (text === "") return { status: 0, headers: "", body: "", closedWithoutAnswer: true };
  const split = text.indexOf("\r\n\r\n");
  const headers = split < 0 ? text : text.slice(0, split);
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1] ?? 0);
  let body = split < 0 ? "" : text.slice(split + 4);
  if (/transfer-encoding: chunked/i.test(headers)) body = dechunk(body);
  return { status, headers, body, closedWithoutAnswer: false };
}

/** A request with Basic credentials and `connection: close`, so rawHttps returns on the answer. */
export function httpText(method: string, path: string, options: { login?: string; password?: string; session?: string; headers?: Record<string, string>; body?: Buffer | string } = {}): Buffer {
  const lines = [`${method} ${path} HTTP/1.1`, "host: localhost", "connection: close"];
  if (options.login !== undefined) lines.push(`authorization: Basic ${Buffer.from(`${options.login}:${options.password ?? ""}`).toString("base64")}`);
  if (options.session !== undefined) lines.push(`strongroom-session: ${options.session}`);
  const body = options.body === undefined ? undefined : Buffer.from(options.body);
  const headers = { ...(body ? { "content-length": String(body.length) } : {}), ...options.headers };
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  return Buffer.concat([Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"), body ?? Buffer.alloc(0)]);
}

function dechunk(text: string): string {
  let out = "";
  let rest = text;
  for (;;) {
    const eol = rest.indexOf("\r\n");
    const size = eol < 0 ? 0 : parseInt(rest.slice(0, eol), 16);
    if (!size) return out;
    out += rest.slice(eol + 2, eol + 2 + size);
    rest = rest.slice(eol + 2 + size + 2);
  }
}
