import { createHash } from "node:crypto";
import type { StorageDriver } from "../storage/driver";
import { parseConfig } from "./config-file";
import { RepositoryError } from "./errors";
import { openKeyFile, parseKeyFile } from "./key-file";
import type { MasterKey } from "./master-key";
import { createRepositoryHandle } from "./repository";
import { resolveRuntime } from "./runtime";
import { isNotFound, toRepositoryError } from "./storage-error";
import type { OpenOptions, Repository, RepositoryConfig } from "./types";

/**
 * Opens a repository: reads the plaintext config (-> "not_a_repository", "unsupported_version"),
 * then tries every key file with the passphrase (-> "wrong_passphrase"), then loads the indexes.
 */
export async function openRepository(driver: StorageDriver, options: OpenOptions): Promise<Repository> {
  const { passphrase, ...runtime } = options;
  const { config, configBytes } = await readConfig(driver);
  const master = await unlockMasterKey(driver, config, configBytes, passphrase);
  return createRepositoryHandle(driver, config, master.key, resolveRuntime(runtime));
}

export async function readConfig(driver: StorageDriver): Promise<{ config: RepositoryConfig; configBytes: Buffer }> {
  let configBytes: Buffer;
  try {
    configBytes = await driver.read("config");
  } catch (error) {
    if (isNotFound(error)) throw new RepositoryError("not_a_repository", "No Strongroom repository here (no config object).");
    throw toRepositoryError(error, "config");
  }
  return { config: parseConfig(configBytes), configBytes };
}

/** Tries each key file in turn; returns the master key and the key file that opened it. */
export async function unlockMasterKey(
  driver: StorageDriver,
  config: RepositoryConfig,
  configBytes: Buffer,
  passphrase: string,
): Promise<{ key: MasterKey; keyFile: string }> {
  const keys: string[] = [];
  for await (const key of driver.list("keys/")) keys.push(key);
  if (keys.length === 0) throw new RepositoryError("damaged", "The repository has no key files.", { objects: ["keys/"] });
  for (const key of keys.sort()) {
    const file = parseKeyFile(await driver.read(key).catch(() => Buffer.alloc(0)));
    if (!file) continue;
    const opened = await openKeyFile(file, passphrase, config.id);
    if (!opened) continue;
    if (opened.configHash !== createHash("sha256").update(configBytes).digest("hex")) {
      throw new RepositoryError("damaged", "The config object was altered after the repository was created.", { objects: ["config"] });
    }
    return { key: opened.key, keyFile: key };
  }
  throw new RepositoryError("wrong_passphrase", "Wrong passphrase: no key of this repository opens with it.");
}
