// A stored blob's AEAD associated data (FORMAT.md 4), in plain JavaScript so the pack worker, the
// decode worker and blob-codec.ts build it from this one place.

/** Blob type as stored in pack headers and in the AAD. */
export const TYPE_BYTE = Object.freeze({ data: 0, tree: 1 });

/** "SRB1" || type (u8) || raw 32-byte id || method (u8): 38 bytes. */
export function blobAad(type, id, method) {
  const aad = Buffer.alloc(38);
  aad.write("SRB1", 0, "latin1");
  aad[4] = TYPE_BYTE[type];
  aad.write(id, 5, "hex");
  aad[37] = method;
  return aad;
}
