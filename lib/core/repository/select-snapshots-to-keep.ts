import type { ForgetDecision, ForgetPolicy, SnapshotEntry } from "./types";

type Bucket = { count: number; reason: string; key: (d: Date, nr: number) => string | number; last: string | number | null };

/**
 * restic's `forget` rules as a pure function. Snapshots are grouped by host and paths (restic's
 * default) and each group is judged alone, newest first: keepLast keeps the n newest; each
 * calendar rule keeps the newest snapshot of each of its n most recent periods that have one
 * (and, while it has count left, the oldest snapshot, as restic >= 0.15 does); keepWithinMs keeps
 * everything within that span of the group's newest snapshot (not of `now`: a machine that
 * stopped backing up keeps its history). With no rule at all everything is kept.
 * `now` is accepted for future rules; restic's rules do not read the clock.
 */
export function selectSnapshotsToKeep(snapshots: SnapshotEntry[], policy: ForgetPolicy, _now: number): ForgetDecision {
  const keep: SnapshotEntry[] = [];
  const remove: SnapshotEntry[] = [];
  const reasons: Record<string, string[]> = {};
  const groups = new Map<string, SnapshotEntry[]>();
  for (const s of snapshots) {
    const key = JSON.stringify([s.hostname, [...s.paths].sort()]);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  for (const group of groups.values()) {
    const list = [...group].sort((a, b) => Date.parse(b.time) - Date.parse(a.time) || (a.id < b.id ? 1 : -1));
    const buckets = makeBuckets(policy);
    const newest = Date.parse(list[0]?.time ?? "0");
    const noRule = buckets.length === 0 && policy.keepWithinMs === undefined;
    list.forEach((snap, nr) => {
      const why: string[] = [];
      const t = new Date(Date.parse(snap.time));
      if (noRule) why.push("no policy");
      if (policy.keepWithinMs !== undefined && newest - t.getTime() <= policy.keepWithinMs) why.push("within");
      for (const b of buckets) {
        if (b.count === 0) continue;
        const val = b.key(t, nr);
        if (val !== b.last || nr === list.length - 1) {
          b.last = val;
          if (b.count > 0) b.count--;
          why.push(b.reason);
        }
      }
      if (why.length > 0) {
        keep.push(snap);
        reasons[snap.id] = why;
      } else {
        remove.push(snap);
      }
    });
  }
  return { keep, remove, reasons };

  function makeBuckets(p: ForgetPolicy): Bucket[] {
    const f = fields(p.utc === true);
    const rules: [number | undefined, string, Bucket["key"]][] = [
      [p.keepLast, "last", (_d, nr) => nr],
      [p.keepHourly, "hourly", (d) => `${f.y(d)}-${f.m(d)}-${f.d(d)}-${f.h(d)}`],
      [p.keepDaily, "daily", (d) => `${f.y(d)}-${f.m(d)}-${f.d(d)}`],
      [p.keepWeekly, "weekly", (d) => isoWeek(f.y(d), f.m(d), f.d(d))],
      [p.keepMonthly, "monthly", (d) => `${f.y(d)}-${f.m(d)}`],
      [p.keepYearly, "yearly", (d) => f.y(d)],
    ];
    return rules
      .filter(([n]) => n !== undefined && n !== 0)
      .map(([n, reason, key]) => ({ count: n! < 0 ? -1 : n!, reason, key, last: null }));
  }
}

function fields(utc: boolean) {
  return utc
    ? { y: (d: Date) => d.getUTCFullYear(), m: (d: Date) => d.getUTCMonth() + 1, d: (d: Date) => d.getUTCDate(), h: (d: Date) => d.getUTCHours() }
    : { y: (d: Date) => d.getFullYear(), m: (d: Date) => d.getMonth() + 1, d: (d: Date) => d.getDate(), h: (d: Date) => d.getHours() };
}

/** ISO 8601 week ("2025-W01") of a calendar date, as Go's Time.ISOWeek that restic uses. */
function isoWeek(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const dow = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - dow);
  const isoYear = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(isoYear, 0, 1)) / 86_400_000 + 1) / 7);
  return `${isoYear}-W${week}`;
}
