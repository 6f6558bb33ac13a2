import { describe, expect, it } from "vitest";
import { Output } from "./output";
import { progressLine } from "./progress-reporter";

function streams(tty: boolean) {
  const out = { stdout: "", stderr: "" };
  return {
    out,
    streams: {
      stdout: { write: (t: string) => (out.stdout += t) },
      stderr: { write: (t: string) => (out.stderr += t), isTTY: tty, columns: 60 },
    },
  };
}

describe("Output", () => {
  it("draws the progress line only on a terminal, and clears it before other output", () => {
    const tty = streams(true);
    const output = new Output(tty.streams, false, false);
    output.status("[0:01] 3 files");
    output.print("done");
    expect(tty.out.stderr).toBe("\r\u001b[K[0:01] 3 files\r\u001b[K");
    expect(tty.out.stdout).toBe("done\n");
    const pipe = streams(false);
    new Output(pipe.streams, false, false).status("x");
    expect(pipe.out.stderr).toBe("");
  });

  it("prints JSON objects, one a line, and nothing human in --json mode", () => {
    const s = streams(true);
    const output = new Output(s.streams, true, false);
    output.print("human");
    output.status("bar");
    output.object({ message_type: "summary", n: 1 });
    output.entry({ level: "warning", at: "t", path: "/a", message: "m" });
    expect(s.out.stdout).toBe('{"message_type":"summary","n":1}\n{"message_type":"entry","level":"warning","at":"t","path":"/a","message":"m"}\n');
    expect(s.out.stderr).toBe("");
  });

  it("keeps warnings on stderr even with --quiet, but prints the final error only once", () => {
    const s = streams(false);
    const output = new Output(s.streams, false, true);
    output.entry({ level: "warning", at: "t", path: "/a", message: "permission denied" });
    output.entry({ level: "error", at: "t", path: null, message: "the final error" });
    output.error("the final error", 1);
    expect(s.out.stderr).toBe("warning: /a: permission denied\nstrongroom: the final error\n");
  });
});

describe("progressLine", () => {
  it("shows a percentage only when totals are known", () => {
    expect(progressLine({ files: 3, bytesScanned: 2048, bytesNew: 1024, filesTotal: null, bytesTotal: null, current: "/a/b" }, 65_000)).toBe("[1:05] 3 files 2.000 KiB 1.000 KiB new /a/b");
    expect(progressLine({ files: 1, bytesScanned: 512, bytesNew: 0, filesTotal: 4, bytesTotal: 1024, current: null }, 1000)).toBe("[0:01] 50.0% 1/4 files 512 B / 1.000 KiB");
  });
});
