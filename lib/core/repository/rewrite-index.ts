import type { RepositoryContext } from "./context";
import type { IndexedPack } from "./index-format";
import { MasterIndex } from "./master-index";
import { Packer } from "./packer";

const PACKS_PER_INDEX_FILE = 4096;

/** A packer for maintenance: same keys and sizes, no index of its own (see replaceIndexes). */
export function createMaintenancePacker(ctx: RepositoryContext): Packer {
  const stats = { blobsNew: 0, blobsDuplicate: 0, bytesNew: 0, bytesDuplicate: 0, bytesStored: 0, packsWritten: 0, indexesWritten: 0 };
  return new Packer({
    driver: ctx.driver, rawKey: ctx.master.encryptionKey, index: new MasterIndex(),
    packSize: ctx.config.packSize, maxPendingBytes: ctx.runtime.maxPendingBytes,
    stats, emit: ctx.emit, writeIndexes: false,
  });
}

/**
 * Writes index files describing exactly `packs` (at least one file, so an empty repository still
 * has an index), then deletes `oldKeys`, then points this handle's in-memory index at the new
 * set. New before old: a crash in between leaves both, whose union is still correct.
 */
export async function replaceIndexes(ctx: RepositoryContext, packer: Packer, packs: IndexedPack[], oldKeys: string[]): Promise<number> {
  const written = new Set<string>();
  for (let i = 0; i < packs.length || i === 0; i += PACKS_PER_INDEX_FILE) {
    written.add(await packer.writeIndex(packs.slice(i, i + PACKS_PER_INDEX_FILE)));
  }
  for (const key of oldKeys) if (!written.has(key)) await ctx.driver.delete(key);
  const index = new MasterIndex();
  packs.forEach((p) => index.addPack(p));
  ctx.index.replaceWith(index);
  return written.size;
}
