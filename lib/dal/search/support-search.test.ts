import { describe, expect, it } from "vitest";
import { parseSupportSearch } from "./support-search";

const now = new Date("2026-11-26T08:00:00.000Z");

describe("parseSupportSearch", () => {
  it("turns a relative window into `from` and keeps the activity filters", () => {
    const result = parseSupportSearch({ status: "failed,interrupted", since: "24h" }, now);
    expect(result).toMatchObject({ success: true, search: { since: "24h", empty: false, filters: { status: ["failed", "interrupted"], from: new Date("2026-11-25T08:00:00.000Z") } } });
  });

  it("lets an explicit from win over the window", () => {
    const result = parseSupportSearch({ since: "30d", from: "2026-11-20" }, now);
    expect(result.success && result.search.filters.from).toEqual(new Date("2026-11-20T00:00:00.000Z"));
  });

  it("reports an empty search, and names every bad parameter", () => {
    expect(parseSupportSearch({}, now)).toMatchObject({ success: true, search: { empty: true } });
    const bad = parseSupportSearch({ since: "1y", level: "panic", after: "nope" }, now);
    expect(bad.success).toBe(false);
    expect(!bad.success && bad.errors.join(" ")).toMatch(/since must be one of 24h, 7d, 30d/);
    expect(!bad.success && bad.errors.join(" ")).toMatch(/level/);
  });
});
