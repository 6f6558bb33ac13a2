import { decodeBlob } from "./blob-codec";
import { computeBlobId, type RepositoryContext } from "./context";
import type { PackBlob } from "./pack-format";

/** True when the blob's bytes (sliced from its pack) decrypt, decode and hash to its id. */
export async function isStoredBlobValid(ctx: RepositoryContext, blob: PackBlob, packBytes: Buffer): Promise<boolean> {
  if (blob.offset + blob.length > packBytes.length) return false;
  const plain = await decodeBlob(ctx.boxKey, blob.type, blob.id, packBytes.subarray(blob.offset, blob.offset + blob.length));
  return typeof plain !== "string" && plain.length === blob.rawLength && computeBlobId(ctx.master.idKey, plain) === blob.id;
}
