import { decodeBlob } from "./blob-codec";
import { computeBlobId, type RepositoryContext } from "./context";
import { RepositoryError } from "./errors";
import type { BlobLocation } from "./master-index";
import { packKey } from "./object-keys";
import { toRepositoryError } from "./storage-error";

/**
 * Reads one blob, decrypts it (AEAD bound to its id and type) and re-hashes the plaintext. Any
 * failure is RepositoryError("damaged") naming the pack and the blob: never wrong bytes.
 * An id no index knows is "damaged" too: callers only ask for ids that trees reference.
 */
export async function loadBlob(ctx: RepositoryContext, id: string): Promise<Buffer> {
  const at = locateBlob(ctx, id);
  const stored = await readPackRange(ctx, at.pack, at.offset, at.length, id);
  return decodeVerified(ctx, id, at, stored);
}

export function locateBlob(ctx: RepositoryContext, id: string): BlobLocation {
  const at = ctx.index.get(id);
  if (!at) {
    throw new RepositoryError("damaged", `Blob ${id} is not in any index (its pack is missing or unindexed).`, { objects: [`blob ${id}`] });
  }
  return at;
}

export async function readPackRange(ctx: RepositoryContext, pack: string, offset: number, length: number, id: string): Promise<Buffer> {
  const key = packKey(pack);
  try {
    return await ctx.driver.readRange(key, offset, length);
  } catch (error) {
    throw packReadError(error, key, id);
  }
}

/** readPackRange into `into` (the driver's readRangeInto, or readRange and one copy). */
export async function readPackRangeInto(ctx: RepositoryContext, pack: string, offset: number, into: Uint8Array, id: string): Promise<void> {
  const key = packKey(pack);
  try {
    if (ctx.driver.readRangeInto) await ctx.driver.readRangeInto(key, offset, into);
    else into.set(await ctx.driver.readRange(key, offset, into.byteLength));
  } catch (error) {
    throw packReadError(error, key, id);
  }
}

function packReadError(error: unknown, key: string, id: string): unknown {
  const mapped = toRepositoryError(error, key);
  if (mapped instanceof RepositoryError && mapped.code === "damaged") {
    return new RepositoryError("damaged", `Blob ${id}: ${mapped.message}`, { cause: error, objects: [key, `blob ${id}`] });
  }
  return mapped;
}

export async function decodeVerified(ctx: RepositoryContext, id: string, at: BlobLocation, stored: Uint8Array): Promise<Buffer> {
  const plain = await decodeBlob(ctx.boxKey, at.type, id, stored);
  if (typeof plain === "string") throw damagedBlob(id, at.pack, plain);
  if (plain.length !== at.rawLength || computeBlobId(ctx.master.idKey, plain) !== id) throw damagedBlob(id, at.pack, "does not match its id");
  return plain;
}

/** The error for a blob whose stored bytes are not it; `reason` completes "Blob <id> in pack <key> ". */
export function damagedBlob(id: string, pack: string, reason: string): RepositoryError {
  const key = packKey(pack);
  return new RepositoryError("damaged", `Blob ${id} in pack ${key} ${reason}.`, { objects: [key, `blob ${id}`] });
}
