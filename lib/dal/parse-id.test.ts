import { describe, expect, it } from "vitest";
import { parseId } from "./parse-id";

describe("parseId", () => {
  it("accepts positive integers", () => {
    expect(parseId("1")).toBe(1);
    expect(parseId("9007199254740991")).toBe(9007199254740991);
  });

  it.each(["", "0", "-1", "abc", "1.5", "01", " 1", "1e3", "9007199254740993", "99999999999999999999", "%31"])("rejects %j", (value) => {
    expect(parseId(value)).toBeNull();
  });
});
