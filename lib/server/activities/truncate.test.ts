import { describe, expect, it } from "vitest";
import { truncateBytes, truncateChars } from "./truncate";

describe("truncateChars", () => {
  it("leaves short text alone and cuts long text to max characters, marked", () => {
    expect(truncateChars("abc", 3)).toBe("abc");
    expect(truncateChars("abcd", 3)).toBe("ab…");
  });

  it("counts code points like utf8mb4 and never splits a surrogate pair", () => {
    expect(truncateChars("😀😀😀", 3)).toBe("😀😀😀");
    expect(Array.from(truncateChars("😀".repeat(10), 4))).toEqual(["😀", "😀", "😀", "…"]);
  });
});

describe("truncateBytes", () => {
  it("cuts to at most max UTF-8 bytes on a character boundary", () => {
    expect(truncateBytes("abc", 3)).toBe("abc");
    const cut = truncateBytes("é😀".repeat(100), 50);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(50);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.includes("\ufffd")).toBe(false);
    expect(Buffer.from(cut).toString("utf8")).toBe(cut);
  });
});
