import { describe, expect, it } from "vitest";
import { intervalInput, quotaInput } from "./account-settings-input";

const issue = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("quota input", () => {
  it.each([
    ["500G", 500 * 2 ** 30],
    ["1.5T", 1.5 * 2 ** 40],
    [" 1024 ", 1024],
    ["0", 0],
    ["1024T", 2 ** 50],
  ])("reads %j", (text, bytes) => {
    expect(quotaInput.parse(text)).toBe(bytes);
  });

  it.each([
    ["-5G", "The quota cannot be negative."],
    ["", "Enter a quota, such as 500G or 1.5T."],
    ["lots", "Enter the quota as a size such as 500G, 1.5T or a number of bytes."],
    ["2P", "The quota can be at most 1 PiB (1024T)."],
    ["99999999999999999999999", "The quota can be at most 1 PiB (1024T)."],
    ["9".repeat(40), "That quota is too long: enter a size such as 500G or 1.5T."],
  ])("refuses %j with a clear message", (text, message) => {
    const result = quotaInput.safeParse(text);
    expect(result.success).toBe(false);
    expect(issue(result)).toBe(message);
  });
});

describe("interval input", () => {
  it.each([
    ["24h", 24],
    ["7d", 168],
    ["36", 36],
    ["", null],
    ["365d", 8760],
  ])("reads %j", (text, hours) => {
    expect(intervalInput.parse(text)).toBe(hours);
  });

  it.each([
    ["0h", "The expected interval must be between 1 hour and 365 days."],
    ["366d", "The expected interval must be between 1 hour and 365 days."],
    ["-1h", "Enter the interval in hours or days, such as 24h or 7d, or leave it empty."],
    ["daily", "Enter the interval in hours or days, such as 24h or 7d, or leave it empty."],
  ])("refuses %j with a clear message", (text, message) => {
    const result = intervalInput.safeParse(text);
    expect(result.success).toBe(false);
    expect(issue(result)).toBe(message);
  });
});
