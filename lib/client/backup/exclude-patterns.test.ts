import { describe, expect, it } from "vitest";
import { createExcludeMatcher } from "./exclude-patterns";

describe("createExcludeMatcher", () => {
  const cases: [string, string, boolean][] = [
    ["*.tmp", "/home/u/a.tmp", true],
    ["*.tmp", "/home/u/a.tmp.keep", false],
    ["node_modules", "/src/app/node_modules", true],
    ["node_modules", "/src/app/node_modules_x", false],
    ["/home/u/cache", "/home/u/cache", true],
    ["/home/u/cache", "/other/home/u/cache", false],
    ["u/cache", "/other/home/u/cache", true],
    ["/home/**/secret", "/home/secret", true],
    ["/home/**/secret", "/home/a/b/secret", true],
    ["file?.txt", "/x/file1.txt", true],
    ["file[0-2].txt", "/x/file3.txt", false],
    ["file[!0-2].txt", "/x/file3.txt", true],
    ["ünï*", "/d/ünïcode", true],
    ["a.b", "/x/aXb", false],
  ];
  it.each(cases)("%s against %s is %s", (pattern, path, expected) => {
    expect(createExcludeMatcher([pattern])(path)).toBe(expected);
  });

  it("matches nothing without patterns and ignores blank ones", () => {
    expect(createExcludeMatcher([])("/a")).toBe(false);
    expect(createExcludeMatcher(["  "])("/a")).toBe(false);
  });
});
