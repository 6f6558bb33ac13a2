import { describe, expect, it } from "vitest";
import { formatAgo, formatBytes, formatPercent, formatUtc } from "./format";

describe("formatting", () => {
  it("formats byte sizes in binary units", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(1023)).toBe("1023 B");
    expect(formatBytes(1536)).toBe("1.50 KiB");
    expect(formatBytes(50 * 1024 ** 3)).toBe("50.0 GiB");
    expect(formatBytes(2 * 1024 ** 4)).toBe("2.00 TiB");
    expect(formatBytes(-1)).toBe("—");
  });

  it("formats percentages and guards a zero whole", () => {
    expect(formatPercent(1, 3)).toBe("33%");
    expect(formatPercent(1, 0)).toBe("—");
  });

  it("formats ages coarsely", () => {
    const now = new Date("2026-01-10T00:00:00Z");
    expect(formatAgo(new Date("2026-01-09T23:59:30Z"), now)).toBe("just now");
    expect(formatAgo(new Date("2026-01-09T23:15:00Z"), now)).toBe("45 min ago");
    expect(formatAgo(new Date("2026-01-09T00:00:00Z"), now)).toBe("24 h ago");
    expect(formatAgo(new Date("2026-01-01T00:00:00Z"), now)).toBe("9 d ago");
    expect(formatUtc(now)).toBe("2026-01-10 00:00:00 UTC");
  });
});
