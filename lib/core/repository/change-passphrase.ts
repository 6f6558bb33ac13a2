import { createHash } from "node:crypto";
import type { RepositoryContext } from "./context";
import { RepositoryError } from "./errors";
import { createKeyFile } from "./key-file";
import { readConfig, unlockMasterKey } from "./open-repository";
import { toRepositoryError } from "./storage-error";
import type { KdfParams } from "./types";

/**
 * Re-wraps the same master key under a new passphrase: writes the new key file, then deletes the
 * one the old passphrase opened. No data is rewritten. A crash in between leaves both keys valid.
 */
export async function changePassphrase(ctx: RepositoryContext, oldPassphrase: string, newPassphrase: string, kdf?: KdfParams): Promise<void> {
  if (newPassphrase.length === 0) throw new RepositoryError("invalid_argument", "The passphrase must not be empty.");
  const { config, configBytes } = await readConfig(ctx.driver);
  const old = await unlockMasterKey(ctx.driver, config, configBytes, oldPassphrase);
  if (!old.key.encryptionKey.equals(ctx.master.encryptionKey)) {
    throw new RepositoryError("wrong_passphrase", "The old passphrase opens a different key.");
  }
  const oldFile = JSON.parse((await ctx.driver.read(old.keyFile)).toString("utf8")) as { kdf: KdfParams };
  const created = await createKeyFile({
    master: ctx.master,
    configHash: createHash("sha256").update(configBytes).digest("hex"),
    repositoryId: config.id,
    passphrase: newPassphrase,
    kdf: kdf ?? oldFile.kdf,
    created: new Date(ctx.runtime.now()).toISOString(),
    hostname: ctx.runtime.hostname,
  });
  await ctx.driver.write(created.key, created.bytes).catch((error: unknown) => Promise.reject(toRepositoryError(error, created.key)));
  await ctx.driver.delete(old.keyFile);
}
