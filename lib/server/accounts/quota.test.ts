import { describe, expect, it } from "vitest";
import { isOverQuota } from "./quota";
import { parseIntervalHours, parseSize } from "./parse-size";

describe("isOverQuota", () => {
  it("allows reaching the quota exactly and refuses a byte more", () => {
    expect(isOverQuota({ quotaBytes: 100, usedBytes: 60 }, 40)).toBe(false);
    expect(isOverQuota({ quotaBytes: 100, usedBytes: 60 }, 41)).toBe(true);
    expect(isOverQuota({ quotaBytes: 100, usedBytes: 120 }, 0)).toBe(true);
    expect(isOverQuota({ quotaBytes: 0, usedBytes: 0 }, 1)).toBe(true);
  });
});

describe("parseSize", () => {
  it.each([
    ["100G", 100 * 2 ** 30],
    ["1.5T", 1.5 * 2 ** 40],
    ["500m", 500 * 2 ** 20],
    ["100GiB", 100 * 2 ** 30],
    ["2KB", 2048],
    ["1024", 1024],
    ["0", 0],
  ])("%s is %d bytes", (text, bytes) => expect(parseSize(text)).toBe(bytes));

  it.each(["", "G", "-1G", "100X", "1e3", "10 G B", "99999999P"])("refuses %j", (text) => expect(parseSize(text)).toBeNull());
});

describe("parseIntervalHours", () => {
  it("reads hours and days within a year", () => {
    expect(parseIntervalHours("24h")).toBe(24);
    expect(parseIntervalHours("7d")).toBe(168);
    expect(parseIntervalHours("36")).toBe(36);
    expect(parseIntervalHours("0h")).toBeNull();
    expect(parseIntervalHours("400d")).toBeNull();
    expect(parseIntervalHours("1.5h")).toBeNull();
  });
});
