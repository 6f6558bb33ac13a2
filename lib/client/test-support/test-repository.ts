import { initRepository, openRepository, TEST_KDF, type Repository } from "../../core/repository";
import { createLocalDriver } from "../../core/storage/local-driver";

export const TEST_PASSPHRASE = "test passphrase";

/** Small chunks and packs so a few MiB produce many objects (many write points, many packs). */
export const SMALL_REPOSITORY = {
  kdf: TEST_KDF,
  packSize: 128 * 1024,
  chunker: { minSize: 8 * 1024, avgSize: 32 * 1024, maxSize: 128 * 1024 },
};

/** A repository in an existing directory, created through the library (as `init` would). */
export async function initTestRepository(dir: string, small = true): Promise<void> {
  const repo = await initRepository(createLocalDriver(dir), { passphrase: TEST_PASSPHRASE, ...(small ? SMALL_REPOSITORY : { kdf: TEST_KDF }) });
  await repo.close();
}

export function openTestRepository(dir: string): Promise<Repository> {
  return openRepository(createLocalDriver(dir), { passphrase: TEST_PASSPHRASE });
}
