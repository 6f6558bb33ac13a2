import { createHash, randomBytes } from "node:crypto";
import type { StorageDriver } from "../storage/driver";
import { encodeConfig } from "./config-file";
import { DEFAULT_CHUNKER, DEFAULT_KDF, DEFAULT_PACK_SIZE, FORMAT_VERSION } from "./constants";
import { RepositoryError } from "./errors";
import { validateKdf } from "./kdf";
import { createKeyFile } from "./key-file";
import { createMasterKey } from "./master-key";
import { createRepositoryHandle } from "./repository";
import { resolveRuntime } from "./runtime";
import { toRepositoryError } from "./storage-error";
import type { InitOptions, Repository, RepositoryConfig } from "./types";

/**
 * Creates a repository on storage without one. The key file is written first and the config last:
 * the config is what makes storage a repository, so a crash in between leaves "not a repository"
 * (and a harmless orphan key file bound to an id no config has).
 */
export async function initRepository(driver: StorageDriver, options: InitOptions): Promise<Repository> {
  const { passphrase, kdf = DEFAULT_KDF, chunker, packSize = DEFAULT_PACK_SIZE, username, ...given } = options;
  validateKdf(kdf);
  if (passphrase.length === 0) throw new RepositoryError("invalid_argument", "The passphrase must not be empty.");
  if (await driver.stat("config")) throw new RepositoryError("already_exists", "A repository already exists here.", { objects: ["config"] });
  const runtime = resolveRuntime(given);
  const config: RepositoryConfig = {
    version: FORMAT_VERSION,
    id: randomBytes(32).toString("hex"),
    chunker: { ...DEFAULT_CHUNKER, ...chunker, algorithm: "fastcdc" },
    packSize,
    created: new Date(runtime.now()).toISOString(),
  };
  const configBytes = encodeConfig(config);
  const master = createMasterKey();
  const keyFile = await createKeyFile({
    master,
    configHash: createHash("sha256").update(configBytes).digest("hex"),
    repositoryId: config.id,
    passphrase,
    kdf,
    created: config.created,
    hostname: runtime.hostname,
    ...(username ? { username } : {}),
  });
  try {
    await driver.write(keyFile.key, keyFile.bytes);
    await driver.write("config", configBytes);
  } catch (error) {
    throw toRepositoryError(error, "config");
  }
  return createRepositoryHandle(driver, config, master, runtime);
}
