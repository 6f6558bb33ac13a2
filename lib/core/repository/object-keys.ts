import { createHash } from "node:crypto";

export type ObjectKind = "config" | "key" | "pack" | "index" | "snapshot" | "lock" | "log";
export interface ParsedObjectKey {
  kind: ObjectKind;
  /** 64 hex: the SHA-256 the bytes must have, for content-addressed kinds. */
  hash?: string;
}

const HEX64 = /^[0-9a-f]{64}$/;

export const packKey = (hash: string): string => `data/${hash.slice(0, 2)}/${hash}`;
export const indexKey = (hash: string): string => `index/${hash}`;
export const snapshotKey = (hash: string): string => `snapshots/${hash}`;

/** Classifies a storage key of a repository; null when it is not one of ours. */
export function parseObjectKey(key: string): ParsedObjectKey | null {
  if (key === "config") return { kind: "config" };
  const parts = key.split("/");
  const [top, a, b] = parts;
  if (top === "data" && parts.length === 3 && a !== undefined && b !== undefined && HEX64.test(b) && b.startsWith(a) && a.length === 2) {
    return { kind: "pack", hash: b };
  }
  if (parts.length === 2 && a !== undefined) {
    if (top === "keys" && HEX64.test(a)) return { kind: "key", hash: a };
    if (top === "index" && HEX64.test(a)) return { kind: "index", hash: a };
    if (top === "snapshots" && HEX64.test(a)) return { kind: "snapshot", hash: a };
    if (top === "locks" && /^[0-9a-f]{32}$/.test(a)) return { kind: "lock" };
  }
  if (top === "logs" && parts.length >= 2 && parts.every((p) => p.length > 0)) return { kind: "log" };
  return null;
}

/**
 * For the server and the mover, without any key: "ok" when the bytes hash to the name,
 * "mismatch" when they do not (or the key is not a repository object), "unnamed" for objects not
 * named by their hash (config, locks, logs: their integrity is the client's concern).
 */
export function verifyObjectName(key: string, bytes: Uint8Array): "ok" | "mismatch" | "unnamed" {
  const parsed = parseObjectKey(key);
  if (!parsed) return "mismatch";
  if (parsed.hash === undefined) return "unnamed";
  return createHash("sha256").update(bytes).digest("hex") === parsed.hash ? "ok" : "mismatch";
}
