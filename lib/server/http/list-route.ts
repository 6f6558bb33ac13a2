import { once } from "node:events";
import { HttpError } from "./http-error";
import type { AccountRequest } from "./protocol-context";

/**
 * `GET /v1/list?prefix=` answers one key per line, streamed as the driver finds them (a large
 * account has tens of thousands of packs; the list is never built in memory), waiting for the
 * socket to drain. The prefix goes through the same key rules as objects (empty lists all).
 */
export async function listObjects(r: AccountRequest): Promise<void> {
  const prefix = r.url.searchParams.get("prefix") ?? "";
  if (prefix !== "" && !/^[A-Za-z0-9._/-]{1,512}$/.test(prefix)) throw new HttpError("invalid_key", "invalid list prefix");
  if (prefix.split("/").some((segment) => segment === "..")) throw new HttpError("invalid_key", "invalid list prefix");
  const keys = r.driver.list(prefix)[Symbol.asyncIterator]();
  // The first key is awaited before the headers go out, so an error is still a clean 4xx/5xx.
  let next = await keys.next();
  r.res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
  while (!next.done) {
    if (!r.res.write(`${next.value}\n`)) await once(r.res, "drain");
    next = await keys.next();
  }
  r.res.end();
}
