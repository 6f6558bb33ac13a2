import { StorageError } from "./driver";

/**
 * Shared range rule for every driver: integers, offset + length within the object. Reading the
 * empty range at the very end is allowed (a reader at EOF gets nothing, not an error).
 */
export function checkRange(key: string, offset: number, length: number, size: number): void {
  const valid =
    Number.isSafeInteger(offset) && Number.isSafeInteger(length) && offset >= 0 && length >= 0;
  if (!valid || offset + length > size) {
    throw new StorageError(
      "out_of_range",
      `range ${offset}+${length} is outside ${key} (${size} bytes)`,
    );
  }
}
