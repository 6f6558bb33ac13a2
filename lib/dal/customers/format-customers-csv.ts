import { csvRow } from "../../csv";
import type { CustomerOverviewRow } from "./list-customer-overview";

/** The customers page as CSV: raw figures (bytes, UTC times) so a spreadsheet can compute with them. */
export function formatCustomersCsv(rows: CustomerOverviewRow[], withReseller: boolean): string {
  const header = ["customer", "login", ...(withReseller ? ["reseller"] : []), "accounts", "health", "last_success_utc", "failures_7d", "used_bytes", "quota_bytes", "fullest_account_percent", "disabled"];
  const lines = rows.map((r) =>
    csvRow([
      r.name,
      r.login,
      ...(withReseller ? [r.resellerName] : []),
      r.accounts,
      r.health ?? "",
      r.lastSuccessAt?.toISOString() ?? "",
      r.failures7d,
      r.usedBytes,
      r.quotaBytes,
      r.fullestPercent === null ? "" : Math.round(r.fullestPercent * 10) / 10,
      r.disabled,
    ]),
  );
  return csvRow(header) + lines.join("");
}
