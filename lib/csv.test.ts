import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

describe("csv", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvRow(["Acme Ltd", 42, null, true])).toBe("Acme Ltd,42,,true\r\n");
  });

  it("quotes separators, quotes and line breaks, doubling quotes", () => {
    expect(csvCell('Smith, "Jo"')).toBe('"Smith, ""Jo"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(" padded ")).toBe('" padded "');
  });

  it.each(["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])("defuses a formula in %j", (value) => {
    const cell = csvCell(value);
    expect(cell.replace(/^"/, "").startsWith("'")).toBe(true);
    expect(cell).toContain(value.replace(/"/g, '""'));
  });

  it("does not touch negative numbers passed as numbers", () => {
    expect(csvCell(-5)).toBe("-5");
  });
});
