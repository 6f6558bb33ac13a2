import { StorageError } from "./driver";

/**
 * The key rules of driver.ts, checked before any I/O so that no driver ever joins a hostile key
 * onto a path. Keys are taken literally: nothing is percent-decoded or normalized, so "%2e%2e" is
 * not "..": it is refused because "%" is outside the allowed characters, like "\\", NUL, spaces
 * and non-ASCII. Refusing (rather than accepting it as a literal name) keeps every key a plain
 * file name on every file system and object store we may add, with no escaping layer to get wrong.
 */
export const MAX_KEY_LENGTH = 512;

const SEGMENT = /^[A-Za-z0-9._-]+$/;

/** A single path segment that may appear in a key ("3f", "snapshot.json"; never "." or ".."). */
export function isValidSegment(segment: string): boolean {
  return SEGMENT.test(segment) && segment !== "." && segment !== "..";
}

/** Throws StorageError("invalid_key") unless `key` follows the rules of driver.ts. */
export function validateKey(key: unknown): asserts key is string {
  if (typeof key !== "string" || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw invalid(key);
  }
  // split keeps empty segments, so "/abs", "a//b" and "a/" are all refused here.
  if (!key.split("/").every(isValidSegment)) throw invalid(key);
}

/**
 * Prefixes for list(): "" (everything), whole directories ("snapshots/") or a partial last segment
 * ("data/3f"). Every complete segment follows the key rules; the partial one only the charset,
 * because it is matched against names, never joined onto a path.
 */
export function validatePrefix(prefix: unknown): asserts prefix is string {
  if (typeof prefix !== "string" || prefix.length > MAX_KEY_LENGTH) throw invalid(prefix);
  if (prefix === "") return;
  const segments = prefix.split("/");
  const partial = segments.pop() ?? "";
  if (partial !== "" && !SEGMENT.test(partial)) throw invalid(prefix);
  if (!segments.every(isValidSegment)) throw invalid(prefix);
}

/** Splits a valid prefix into its directory part ("data/") and the partial name ("3f"). */
export function splitPrefix(prefix: string): { dir: string; name: string } {
  const cut = prefix.lastIndexOf("/") + 1;
  return { dir: prefix.slice(0, cut), name: prefix.slice(cut) };
}

function invalid(key: unknown): StorageError {
  // The key is echoed (truncated, JSON-quoted so NULs and newlines stay visible) for the logs.
  const shown = typeof key === "string" ? JSON.stringify(key.slice(0, 80)) : typeof key;
  return new StorageError("invalid_key", `invalid storage key ${shown}`);
}

/** A key named at the end of a write must be valid and lie under the prefix it was written to. */
export function keyWithin(prefix: string, key: unknown): string {
  validateKey(key);
  if (!key.startsWith(prefix)) throw invalid(key);
  return key;
}
