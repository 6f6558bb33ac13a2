import { createHash } from "node:crypto";
import type { ParsedObjectKey } from "../../core/repository";
import { HttpError } from "./http-error";
import type { AccountRequest } from "./protocol-context";
import { receiveBody } from "./receive-body";
import { parseRange } from "./parse-range";
import { sendRange } from "./send-range";

export async function getObject(r: AccountRequest, key: string): Promise<void> {
  const range = parseRange(r.req.headers.range);
  if (range) return sendRange(r, key, range);
  const bytes = await r.driver.read(key);
  r.deps.metrics.bytesOut += bytes.length;
  r.res.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(bytes.length) });
  r.res.end(bytes);
}

export async function headObject(r: AccountRequest, key: string): Promise<void> {
  const stat = await r.driver.stat(key);
  if (!stat) throw new HttpError("not_found", "no such object");
  r.res.writeHead(200, { "content-length": String(stat.size), "last-modified": stat.mtime.toUTCString(), "x-strongroom-mtime": stat.mtime.toISOString() });
  r.res.end();
}

/**
 * Body chunks arrive as TLS records of up to 16 KiB; they are gathered into device writes of this
 * size, so a 16 MiB pack costs 16 thread-pool round trips instead of a thousand.
 */
const WRITE_BYTES = 1024 * 1024;

/**
 * Streams the body to the device through the driver's atomic write. For hash-named objects the
 * SHA-256 is computed on the way and checked after the last byte, before the driver commits: a
 * throw from the stream makes the driver delete its temp file, so a wrong or short upload never
 * appears under the final name.
 */
export async function putObject(r: AccountRequest, key: string, parsed: ParsedObjectKey): Promise<void> {
  const declared = Number(r.req.headers["content-length"] ?? 0);
  r.deps.quota.check(r.account, declared);
  const hash = createHash("sha256");
  let size = 0;
  const body = receiveBody(r.req, r.deps.limits, (n) => (r.deps.metrics.bytesIn += n));
  async function* verified(): AsyncGenerator<Buffer> {
    // One buffer, reused: the driver writes each piece before it pulls the next.
    const chunked = r.req.headers["content-length"] === undefined;
    const pending = Buffer.allocUnsafe(chunked ? WRITE_BYTES : Math.min(WRITE_BYTES, Math.max(declared, 1)));
    let filled = 0;
    for await (const chunk of body) {
      size += chunk.length;
      if (size > declared) r.deps.quota.check(r.account, size);
      hash.update(chunk);
      for (let at = 0; at < chunk.length; ) {
        const n = chunk.copy(pending, filled, at);
        filled += n;
        at += n;
        if (filled === pending.length) {
          yield pending;
          filled = 0;
        }
      }
    }
    if (filled > 0) yield pending.subarray(0, filled);
    if (parsed.hash !== undefined) {
      const actual = hash.digest("hex");
      if (actual !== parsed.hash) throw new HttpError("hash_mismatch", `object content does not match its name (sha256 ${actual}): not stored`);
    }
  }
  if (parsed.kind !== "lock") r.deps.usage.changed(r.account.loginName);
  await r.driver.write(key, verified());
  r.deps.quota.add(r.account, size);
  r.res.writeHead(201, { "content-length": "0" });
  r.res.end();
}

/**
 * Deletes are allowed for every object kind and logged: a client legitimately deletes locks,
 * logs, interim indexes (backup), snapshots (forget), key files (passphrase change) and packs
 * (prune). Refusing them server-side would need the server to understand the repository's lock
 * protocol; the log line is what an operator needs to trace a destructive client.
 */
export async function deleteObject(r: AccountRequest, key: string, parsed: ParsedObjectKey): Promise<void> {
  const stat = await r.driver.stat(key);
  if (stat && parsed.kind !== "lock") r.deps.usage.changed(r.account.loginName);
  await r.driver.delete(key);
  if (stat) r.deps.quota.add(r.account, -stat.size);
  if (parsed.kind !== "lock") r.deps.logger.info({ account: r.account.loginName, key, kind: parsed.kind }, "object deleted");
  r.res.writeHead(204);
  r.res.end();
}
