import { parseObjectKey, type ParsedObjectKey } from "../../core/repository";
import { HttpError } from "./http-error";

/**
 * The object key of `/v1/objects/<key>`, taken from the raw path and never percent-decoded: the
 * storage driver refuses any key outside [A-Za-z0-9._-/] (so "%2e%2e", "..", "/abs" and NUL are
 * invalid, not normalized into something that escapes). On top of that only repository object
 * names are served, so a client cannot use its account directory as a general file store.
 */
export function objectKeyOf(rawPath: string): { key: string; parsed: ParsedObjectKey } {
  const key = rawPath.slice("/v1/objects/".length);
  const parsed = parseObjectKey(key);
  if (!parsed) throw new HttpError("invalid_key", `not a repository object name: ${JSON.stringify(key.slice(0, 100))}`);
  return { key, parsed };
}
