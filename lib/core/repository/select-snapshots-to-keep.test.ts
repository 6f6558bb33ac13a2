import { describe, expect, it } from "vitest";
import { selectSnapshotsToKeep } from "./select-snapshots-to-keep";
import type { SnapshotEntry } from "./types";

let n = 0;
function snap(time: string, hostname = "h", paths = ["/data"]): SnapshotEntry {
  n++;
  return { id: n.toString(16).padStart(64, "0"), time, tree: "0".repeat(64), paths, hostname };
}
const NOW = Date.parse("2025-03-01T00:00:00Z");
const ids = (list: SnapshotEntry[]) => list.map((s) => s.time).sort();

describe("selectSnapshotsToKeep (restic semantics)", () => {
  // Two snapshots a day, 10:00 and 22:00 UTC, for 40 days ending 2025-02-09.
  const daily = Array.from({ length: 80 }, (_, i) => snap(new Date(Date.UTC(2025, 0, 1 + Math.floor(i / 2), i % 2 ? 22 : 10)).toISOString()));

  it("keeps everything without a policy", () => {
    expect(selectSnapshotsToKeep(daily, {}, NOW).remove).toEqual([]);
  });

  it("keepLast keeps the n newest", () => {
    const d = selectSnapshotsToKeep(daily, { keepLast: 3 }, NOW);
    expect(ids(d.keep)).toEqual(["2025-02-08T22:00:00.000Z", "2025-02-09T10:00:00.000Z", "2025-02-09T22:00:00.000Z"]);
    expect(d.remove).toHaveLength(77);
  });

  it("keepDaily keeps the newest snapshot of each of the last n days", () => {
    const d = selectSnapshotsToKeep(daily, { keepDaily: 3, utc: true }, NOW);
    expect(ids(d.keep)).toEqual(["2025-02-07T22:00:00.000Z", "2025-02-08T22:00:00.000Z", "2025-02-09T22:00:00.000Z"]);
  });

  it("combines rules and records the reasons", () => {
    const d = selectSnapshotsToKeep(daily, { keepLast: 1, keepDaily: 2, keepWeekly: 2, keepMonthly: 2, utc: true }, NOW);
    expect(ids(d.keep)).toEqual([
      "2025-01-31T22:00:00.000Z", // monthly: January
      "2025-02-02T22:00:00.000Z", // weekly: ISO week 5 ends Sunday 2 Feb
      "2025-02-08T22:00:00.000Z",
      "2025-02-09T22:00:00.000Z",
    ]);
    const newest = d.keep.find((s) => s.time === "2025-02-09T22:00:00.000Z")!;
    expect(d.reasons[newest.id]).toEqual(["last", "daily", "weekly", "monthly"]);
  });

  it("keeps the oldest snapshot while a rule has count left (restic >= 0.15)", () => {
    const few = [snap("2025-01-01T00:00:00Z"), snap("2025-01-01T05:00:00Z")];
    const d = selectSnapshotsToKeep(few, { keepMonthly: 5, utc: true }, NOW);
    expect(d.keep).toHaveLength(2);
  });

  it("judges each host and path set separately", () => {
    const list = [snap("2025-01-01T00:00:00Z", "a"), snap("2025-01-02T00:00:00Z", "a"), snap("2025-01-01T00:00:00Z", "b")];
    const d = selectSnapshotsToKeep(list, { keepLast: 1 }, NOW);
    expect(d.keep.map((s) => s.hostname).sort()).toEqual(["a", "b"]);
    expect(d.remove).toHaveLength(1);
  });

  it("keepWithin is measured from the newest snapshot, not the clock", () => {
    const d = selectSnapshotsToKeep(daily, { keepWithinMs: 36 * 3600_000 }, Date.parse("2030-01-01T00:00:00Z"));
    expect(d.keep).toHaveLength(4);
  });

  it("a negative count keeps every period (40 days, plus the oldest snapshot)", () => {
    expect(selectSnapshotsToKeep(daily, { keepDaily: -1, utc: true }, NOW).keep).toHaveLength(41);
  });
});
