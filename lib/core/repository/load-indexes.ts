import type { StorageDriver } from "../storage/driver";
import { decodeIndex, type IndexedPack } from "./index-format";

export interface IndexFile {
  key: string;
  packs: IndexedPack[] | null;
}

/** Reads and decodes every index file, 8 at a time; `packs` is null for a damaged file. */
export async function loadIndexFiles(driver: StorageDriver, key: Uint8Array): Promise<IndexFile[]> {
  const keys: string[] = [];
  for await (const k of driver.list("index/")) keys.push(k);
  const files: IndexFile[] = [];
  for (let i = 0; i < keys.length; i += 8) {
    files.push(
      ...(await Promise.all(
        keys.slice(i, i + 8).map(async (k) => {
          const bytes = await driver.read(k).catch(() => null);
          return { key: k, packs: bytes ? decodeIndex(key, bytes) : null };
        }),
      )),
    );
  }
  return files;
}
