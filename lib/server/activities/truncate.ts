/**
 * Cuts text to a column's size instead of letting the insert fail: the database runs in strict
 * mode, where an over-long value is an error, and an activity refused for one long file name
 * would block the outbox behind it. A cut value ends in "…" so a reader knows it was cut.
 */
const MARK = "…";
const MARK_BYTES = 3;

/** VARCHAR(n) counts characters (code points for utf8mb4); a surrogate pair is never split. */
export function truncateChars(value: string, max: number): string {
  // UTF-16 length >= code points, so most values are known to fit without counting.
  if (value.length <= max) return value;
  const points = Array.from(value);
  if (points.length <= max) return value;
  return points.slice(0, max - 1).join("") + MARK;
}

/** TEXT counts bytes (65,535 of UTF-8); a multi-byte character is never split. */
export function truncateBytes(value: string, maxBytes: number): string {
  if (value.length * 3 <= maxBytes || Buffer.byteLength(value, "utf8") <= maxBytes) return value;
  let bytes = 0;
  let end = 0;
  for (const point of value) {
    const size = utf8Size(point.codePointAt(0) ?? 0);
    if (bytes + size > maxBytes - MARK_BYTES) break;
    bytes += size;
    end += point.length;
  }
  return value.slice(0, end) + MARK;
}

/** A lone surrogate is sent as U+FFFD (3 bytes), like any other BMP character above U+07FF. */
function utf8Size(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}
