import Link from "next/link";
import { HealthBadge } from "@/components/health/health-badge";
import { Badge } from "@/components/ui/badge";
import { Table, Tbody, Td, Th } from "@/components/ui/table";
import { customerFiltersQuery, type CustomerFilters, type CustomerSort } from "@/lib/dal/customers/customer-filters";
import type { CustomerOverviewRow } from "@/lib/dal/customers/list-customer-overview";
import { formatAgo, formatBytes } from "@/lib/format";

/** A column header that sorts by its key; a second click reverses the order. */
function SortHeader({ filters, sort, children }: { filters: CustomerFilters; sort: CustomerSort; children: React.ReactNode }) {
  const active = filters.sort === sort;
  const dir = active && filters.dir === "asc" ? "desc" : "asc";
  return (
    <Th aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={`/customers${customerFiltersQuery(filters, { sort, dir, page: 1 })}`} className="hover:underline">
        {children}
        {active ? <span aria-hidden> {filters.dir === "asc" ? "↑" : "↓"}</span> : null}
      </Link>
    </Th>
  );
}

export function CustomerOverviewTable({ rows, filters, now, showReseller }: { rows: CustomerOverviewRow[]; filters: CustomerFilters; now: Date; showReseller: boolean }) {
  return (
    <Table>
      <thead>
        <tr>
          <SortHeader filters={filters} sort="name">
            Customer
          </SortHeader>
          {showReseller ? <Th>Reseller</Th> : null}
          <SortHeader filters={filters} sort="health">
            Health
          </SortHeader>
          <SortHeader filters={filters} sort="lastSuccess">
            Last success
          </SortHeader>
          <SortHeader filters={filters} sort="failures">
            Failures (7 days)
          </SortHeader>
          <SortHeader filters={filters} sort="usage">
            Storage
          </SortHeader>
        </tr>
      </thead>
      <Tbody>
        {rows.map((c) => (
          <tr key={c.id}>
            <Td>
              <Link href={`/customers/${c.id}`} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                {c.name}
              </Link>
              <div className="text-xs text-slate-500">
                {c.login} · {c.accounts === 1 ? "1 account" : `${c.accounts} accounts`}
                {c.disabled ? " · disabled" : ""}
              </div>
            </Td>
            {showReseller ? <Td>{c.resellerName}</Td> : null}
            <Td>
              <HealthBadge health={c.health} />
            </Td>
            <Td title={c.lastSuccessAt ? c.lastSuccessAt.toISOString() : undefined}>{c.accounts === 0 ? "—" : c.lastSuccessAt ? formatAgo(c.lastSuccessAt, now) : "never"}</Td>
            <Td>{c.failures7d > 0 ? <Badge tone="red">{c.failures7d} failed</Badge> : <span className="text-slate-500">none</span>}</Td>
            <Td>
              {formatBytes(c.usedBytes)} of {formatBytes(c.quotaBytes)}
              {c.fullestPercent !== null ? (
                <span className={c.fullestPercent >= 90 ? "ml-1 text-xs font-semibold text-red-700 dark:text-red-400" : "ml-1 text-xs text-slate-500"}>
                  (fullest account {Math.round(c.fullestPercent)}%)
                </span>
              ) : null}
            </Td>
          </tr>
        ))}
      </Tbody>
    </Table>
  );
}
