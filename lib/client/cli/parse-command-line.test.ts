import { describe, expect, it } from "vitest";
import { ClientError } from "../util/client-error";
import { integerFlag, parseCommandLine } from "./parse-command-line";

describe("parseCommandLine", () => {
  it("accepts global flags before and after the command, and repeated flags", () => {
    const line = parseCommandLine(["--repo", "/r", "backup", "--exclude", "*.tmp", "-e", "cache", "/home", "/etc", "--json"]);
    expect(line.command).toBe("backup");
    expect(line.positionals).toEqual(["/home", "/etc"]);
    expect(line.values).toMatchObject({ repo: "/r", exclude: ["*.tmp", "cache"], json: true });
  });

  it("treats a bare invocation as help", () => {
    expect(parseCommandLine([]).command).toBe("help");
    expect(parseCommandLine(["--json"]).command).toBe("help");
  });

  it.each([
    [["nope"], 'unknown command "nope"'],
    [["backup", "--nope", "/x"], "unknown flag --nope for backup"],
    [["snapshots", "--read-data"], "unknown flag --read-data for snapshots"],
    [["backup"], "backup: missing arguments"],
    [["restore", "a", "b", "--target", "t"], 'restore: unexpected argument "b"'],
    [["snapshots", "--repo"], "flag --repo needs a value"],
  ])("refuses %j with a one-line reason", (argv, message) => {
    expect(() => parseCommandLine(argv)).toThrow(ClientError);
    expect(() => parseCommandLine(argv)).toThrow(message);
  });

  it("lets --help through without the required arguments", () => {
    expect(parseCommandLine(["backup", "--help"]).values.help).toBe(true);
  });

  it("reads whole numbers only", () => {
    expect(integerFlag({ "keep-last": "3" }, "keep-last")).toBe(3);
    expect(integerFlag({}, "keep-last")).toBeUndefined();
    expect(() => integerFlag({ "keep-last": "-1" }, "keep-last")).toThrow("--keep-last needs a whole number");
  });
});
