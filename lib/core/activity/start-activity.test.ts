import { describe, expect, it } from "vitest";
import { activityLogKey } from "./activity-log-key";
import { combineSinks, type ActivitySink } from "./activity-sink";
import { createMemorySink } from "./memory-sink";
import { dedupRatio, startActivity } from "./start-activity";

function clock(startMs: number, stepMs: number) {
  let t = startMs;
  return () => {
    const d = new Date(t);
    t += stepMs;
    return d;
  };
}

describe("startActivity", () => {
  it("stamps entries, counts problems and hands the sink one complete record", async () => {
    const sink = createMemorySink();
    const activity = await startActivity("backup", sink, { now: clock(Date.UTC(2025, 0, 2, 3, 4, 5), 1000), host: "h", id: "abc" });
    expect(sink.started).toEqual([{ id: "abc", kind: "backup", startedAt: "2025-01-02T03:04:05.000Z", host: "h", clientVersion: null }]);
    activity.entry("info", null, "scanning");
    activity.entry("warning", "/a/b", "permission denied");
    activity.entry("error", "/a/c", "vanished");
    const record = await activity.finish("warning", { files: 3, bytesScanned: 10, bytesNew: 4, bytesStored: 2, dedupRatio: 0.6 }, { snapshotId: "s1" });
    expect(record).toMatchObject({ status: "warning", warningCount: 1, errorCount: 1, snapshotId: "s1", summary: "/a/c: vanished" });
    expect(record.entries.map((e) => e.at)).toEqual(["2025-01-02T03:04:06.000Z", "2025-01-02T03:04:07.000Z", "2025-01-02T03:04:08.000Z"]);
    expect(record.figures.durationMs).toBe(4000);
    expect(sink.records).toEqual([record]);
  });

  it("writes one record even when finished twice (interrupt handler and normal path)", async () => {
    const sink = createMemorySink();
    const activity = await startActivity("restore", sink);
    const first = await activity.finish("interrupted", { files: 0, bytesScanned: 0, bytesNew: 0, bytesStored: 0, dedupRatio: 0 });
    const second = await activity.finish("success", { files: 1, bytesScanned: 0, bytesNew: 0, bytesStored: 0, dedupRatio: 0 });
    expect(second).toBe(first);
    expect(sink.records).toHaveLength(1);
    activity.entry("error", null, "late");
    expect(sink.entries).toHaveLength(0);
  });

  it("cuts the summary to the database column's 500 characters", async () => {
    const activity = await startActivity("check", createMemorySink());
    const record = await activity.finish("failed", { files: 0, bytesScanned: 0, bytesNew: 0, bytesStored: 0, dedupRatio: 0 }, { summary: "x".repeat(900) });
    expect(record.summary).toHaveLength(500);
  });
});

describe("combineSinks", () => {
  it("still finishes the other sinks when one throws", async () => {
    const broken: ActivitySink = { start() {}, entry() {}, finish: () => Promise.reject(new Error("disk full")) };
    const memory = createMemorySink();
    const activity = await startActivity("prune", combineSinks(broken, memory));
    await expect(activity.finish("success", { files: 0, bytesScanned: 0, bytesNew: 0, bytesStored: 0, dedupRatio: 0 })).rejects.toThrow("disk full");
    expect(memory.records).toHaveLength(1);
  });
});

describe("activityLogKey", () => {
  it("is a valid storage key that sorts by time, to the millisecond", () => {
    const key = activityLogKey({ startedAt: "2025-01-02T03:04:05.678Z", kind: "backup", id: "abc" });
    expect(key).toBe("logs/20250102T030405.678Z-backup-abc.json");
    expect(key).toMatch(/^[A-Za-z0-9._/-]+$/);
    const later = activityLogKey({ startedAt: "2025-01-02T03:04:05.679Z", kind: "backup", id: "000" });
    expect([later, key].sort()).toEqual([key, later]);
  });
});

describe("dedupRatio", () => {
  it("is the share of scanned bytes already stored, 0 when nothing was scanned", () => {
    expect(dedupRatio(0, 0)).toBe(0);
    expect(dedupRatio(100, 25)).toBe(0.75);
    expect(dedupRatio(100, 0)).toBe(1);
  });
});
