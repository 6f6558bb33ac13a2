import { FORMAT_VERSION } from "./constants";
import { RepositoryError } from "./errors";
import type { RepositoryConfig } from "./types";

/** `config`: plaintext JSON, immutable after init. Parsed before any key is asked for. */
export function encodeConfig(config: RepositoryConfig): Buffer {
  return Buffer.from(JSON.stringify(config, null, 2) + "\n");
}

export function parseConfig(bytes: Buffer): RepositoryConfig {
  let json: Partial<RepositoryConfig> & { version?: unknown };
  try {
    json = JSON.parse(bytes.toString("utf8")) as typeof json;
  } catch (cause) {
    throw new RepositoryError("not_a_repository", "The config object is not a Strongroom repository config.", { cause, objects: ["config"] });
  }
  if (typeof json.version === "number" && json.version > FORMAT_VERSION) {
    throw new RepositoryError(
      "unsupported_version",
      `This repository uses format version ${json.version}; this program reads version ${FORMAT_VERSION}. Upgrade Strongroom.`,
      { objects: ["config"] },
    );
  }
  const c = json.chunker;
  const valid =
    json.version === FORMAT_VERSION &&
    typeof json.id === "string" && /^[0-9a-f]{64}$/.test(json.id) &&
    c?.algorithm === "fastcdc" &&
    Number.isInteger(c.minSize) && Number.isInteger(c.avgSize) && Number.isInteger(c.maxSize) &&
    c.minSize >= 64 && c.minSize < c.avgSize && c.avgSize < c.maxSize && c.maxSize <= 64 * 1024 * 1024 &&
    Number.isInteger(json.packSize) && (json.packSize ?? 0) >= 1024 && (json.packSize ?? 0) <= 1024 * 1024 * 1024;
  if (!valid) throw new RepositoryError("not_a_repository", "The config object is not a valid Strongroom repository config.", { objects: ["config"] });
  return json as RepositoryConfig;
}
