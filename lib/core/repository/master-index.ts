import type { IndexedPack } from "./index-format";
import type { BlobType } from "./types";

export interface BlobLocation {
  pack: string;
  type: BlobType;
  offset: number;
  length: number;
  rawLength: number;
}

/**
 * Every blob the repository knows, by id, from all index files (and packs written this session).
 * A blob stored twice (two concurrent backups, or an interrupted one) keeps its first location.
 */
export class MasterIndex {
  private readonly blobs = new Map<string, BlobLocation>();
  private readonly packs = new Map<string, number>();

  addPack(pack: IndexedPack): void {
    this.packs.set(pack.hash, pack.size);
    for (const b of pack.blobs) {
      if (!this.blobs.has(b.id)) {
        this.blobs.set(b.id, { pack: pack.hash, type: b.type, offset: b.offset, length: b.length, rawLength: b.rawLength });
      }
    }
  }

  get(id: string): BlobLocation | undefined {
    return this.blobs.get(id);
  }

  has(id: string): boolean {
    return this.blobs.has(id);
  }

  packSize(hash: string): number | undefined {
    return this.packs.get(hash);
  }

  /** After prune: take over another index's contents (the packer holds a reference to us). */
  replaceWith(other: MasterIndex): void {
    this.blobs.clear();
    this.packs.clear();
    for (const [k, v] of other.blobs) this.blobs.set(k, v);
    for (const [k, v] of other.packs) this.packs.set(k, v);
  }

  get blobCount(): number {
    return this.blobs.size;
  }

  get packCount(): number {
    return this.packs.size;
  }
}
