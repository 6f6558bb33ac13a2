import { describe, expect, it } from "vitest";
import { activityRows, entryRows } from "./activity-rows";
import { fromTsvLine, sqlTime, tsvLine } from "./bulk-load";
import { DASHBOARD_CUSTOMER_INDEX, planTenants } from "./generate-tenants";
import { makePlan } from "./plan";
import { FAILED, planActivities, RUNNING, STATUSES } from "./plan-activities";

// The generator's promises, at a tiny scale: exact totals, the one long activity, log lines that
// agree with the activity's counts, and rows that survive LOAD DATA's escaping.

const plan = makePlan(0.001, 7, new Date("2026-11-26T08:00:00Z"));
const tenants = planTenants(plan);
const p = planActivities(plan, tenants);

describe("bench:portal generator", () => {
  it("makes exactly the planned activities and entries, with one activity of heavyEntries lines", () => {
    expect(tenants.accounts).toHaveLength(plan.accounts);
    expect(p.count).toBe(plan.activities);
    expect(p.entries.reduce((a, b) => a + b, 0)).toBe(plan.entries);
    expect(p.entries[p.heavy]).toBe(plan.heavyEntries);
    expect(Math.max(...Array.from(p.entries).filter((_, i) => i !== p.heavy))).toBeLessThan(plan.heavyEntries);
    expect(p.status[p.heavy]).toBe(FAILED);
    expect(tenants.accounts[p.account[p.heavy]!]!.customerUserId).toBe(tenants.customers[DASHBOARD_CUSTOMER_INDEX]!.userId);
  });

  it("orders activities by start time, and only the last runs can still be running", () => {
    const end = Date.parse(plan.endsAt);
    for (let i = 1; i < p.count; i++) expect(p.startedAt[i]!).toBeGreaterThanOrEqual(p.startedAt[i - 1]!);
    for (let i = 0; i < p.count; i++) if (p.status[i] === RUNNING) expect(p.startedAt[i]! + p.durationMs[i]!).toBeGreaterThan(end);
  });

  it("writes log lines that match each activity's warning and error counts, ids in order", () => {
    const perActivity = new Map<number, { lines: number; warning: number; error: number }>();
    let lastId = 0;
    for (const line of entryRows(p, tenants)) {
      const [id, activityId, level] = fromTsvLine(line);
      expect(Number(id)).toBe(lastId + 1);
      lastId = Number(id);
      const counts = perActivity.get(Number(activityId)) ?? { lines: 0, warning: 0, error: 0 };
      counts.lines++;
      if (level === "warning" || level === "error") counts[level]++;
      perActivity.set(Number(activityId), counts);
    }
    expect(lastId).toBe(plan.entries);
    for (let i = 0; i < p.count; i++) {
      expect(perActivity.get(i + 1)).toEqual({ lines: p.entries[i], warning: p.warnings[i], error: p.errors[i] });
    }
  });

  it("gives every activity row its plan's status and counts", () => {
    let i = 0;
    for (const row of activityRows(p, tenants)) {
      expect(row[0]).toBe(i + 1);
      expect(row[5]).toBe(STATUSES[p.status[i]!]);
      expect(row[12]).toBe(p.errors[i]);
      i++;
    }
    expect(i).toBe(plan.activities);
  });

  it("escapes cells for LOAD DATA so that paths and messages come back unchanged", () => {
    const row = [1, "C:\\Users\\anna\\Documents\\Outlook.pst", "tab\there\nnew line\r", null, "\\N literal"];
    expect(fromTsvLine(tsvLine(row))).toEqual(["1", ...row.slice(1)]);
    expect(sqlTime(Date.parse("2026-11-26T07:05:09.007Z"))).toBe("2026-11-26 07:05:09.007");
    expect(sqlTime(Date.parse("2026-11-26T07:05:59.999Z"))).toBe("2026-11-26 07:05:59.999");
  });
});
