import { z } from "zod";
import { parseObjectKey } from "../../core/repository";
import { HttpError, sendJson } from "./http-error";
import type { AccountRequest } from "./protocol-context";
import { readJsonBody } from "./read-json-body";

/** Keys per batch: 1,000 pack names are about 70 KB of JSON each way. */
export const MAX_STAT_KEYS = 1000;
const statBody = z.object({ keys: z.array(z.string()).min(1).max(MAX_STAT_KEYS) });
/** Stats in flight at once per request: the device, not the event loop, is the limit. */
const PARALLEL = 16;

/**
 * `POST /v1/stat` `{"keys": [...]}`: existence checks in batches (check stats every pack it
 * lists). Answers `{"objects": [{"size", "mtime"} | null, ...]}` in the order asked. Every key must
 * be a repository object name (400 invalid_key otherwise, nothing is looked up).
 */
export async function statObjects(r: AccountRequest): Promise<void> {
  const parsed = statBody.safeParse(await readJsonBody(r.req, { ...r.deps.limits, maxBodyBytes: Math.min(r.deps.limits.maxBodyBytes, 1024 * 1024) }));
  if (!parsed.success) throw new HttpError("bad_request", `body must be {"keys": [...]} with 1 to ${MAX_STAT_KEYS} object names`);
  const { keys } = parsed.data;
  const bad = keys.find((key) => !parseObjectKey(key));
  if (bad !== undefined) throw new HttpError("invalid_key", `not a repository object name: ${JSON.stringify(bad.slice(0, 100))}`);
  const objects: ({ size: number; mtime: string } | null)[] = new Array<null>(keys.length).fill(null);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL, keys.length) }, async () => {
      for (let i = next++; i < keys.length; i = next++) {
        const stat = await r.driver.stat(keys[i]!);
        objects[i] = stat && { size: stat.size, mtime: stat.mtime.toISOString() };
      }
    }),
  );
  sendJson(r.res, 200, { objects });
}
