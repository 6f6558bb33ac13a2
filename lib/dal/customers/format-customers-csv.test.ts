import { describe, expect, it } from "vitest";
import { formatCustomersCsv } from "./format-customers-csv";
import type { CustomerOverviewRow } from "./list-customer-overview";

const row: CustomerOverviewRow = {
  id: 1,
  name: "=cmd|' /C calc'!A0",
  login: "ann@acme.test",
  disabled: false,
  resellerId: 2,
  resellerName: "Acme, Inc.",
  accounts: 2,
  health: "missed",
  lastSuccessAt: new Date("2026-11-20T10:00:00.000Z"),
  failures7d: 3,
  usedBytes: 950,
  quotaBytes: 2000,
  fullestPercent: 91.66,
};

describe("formatCustomersCsv", () => {
  it("writes raw figures, UTC times, quoting and the formula guard", () => {
    expect(formatCustomersCsv([row], true).split("\r\n")).toEqual([
      "customer,login,reseller,accounts,health,last_success_utc,failures_7d,used_bytes,quota_bytes,fullest_account_percent,disabled",
      `'=cmd|' /C calc'!A0,ann@acme.test,"Acme, Inc.",2,missed,2026-11-20T10:00:00.000Z,3,950,2000,91.7,false`,
      "",
    ]);
  });

  it("leaves out the reseller column for a reseller, and empty cells for what a customer without accounts lacks", () => {
    const lines = formatCustomersCsv([{ ...row, name: "Bob", accounts: 0, health: null, lastSuccessAt: null, fullestPercent: null }], false).split("\r\n");
    expect(lines[0]).not.toContain("reseller");
    expect(lines[1]).toBe("Bob,ann@acme.test,0,,,3,950,2000,,false");
  });
});
