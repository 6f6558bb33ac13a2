import Link from "next/link";
import { QuickFilterLinks } from "@/components/forms/quick-filter-links";
import { ResellerSelect } from "@/components/forms/reseller-select";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input, inputClass } from "@/components/ui/input";
import { customerFiltersQuery, defaultCustomerFilters, type CustomerFilters } from "@/lib/dal/customers/customer-filters";
import { accountHealthStates } from "@/lib/dal/health/account-health";

const presets: { label: string; change: Partial<CustomerFilters> }[] = [
  { label: "Failed", change: { health: ["failed"] } },
  { label: "Missed", change: { health: ["missed", "overdue"] } },
  { label: "Over 90% quota", change: { minUsagePercent: 90 } },
];

/**
 * A plain GET form: submitting it puts every filter in the URL, so the page is a link to share and
 * works without JavaScript. Sorting is kept; the page goes back to the first.
 */
export function CustomerFilterForm({ filters, resellers }: { filters: CustomerFilters; resellers: { id: number; name: string }[] | null }) {
  const base = { ...defaultCustomerFilters, health: [], sort: filters.sort, dir: filters.dir, resellerId: filters.resellerId };
  return (
    <div className="mb-4 space-y-3">
      <form method="get" action="/customers" className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter customers">
        <label className="text-sm">
          <span className="mb-1 block font-medium">Search</span>
          <Input type="search" name="q" defaultValue={filters.q ?? ""} placeholder="Name or login" className="w-56" />
        </label>
        <label className="text-sm">
          <span className="mb-1 block font-medium">Health</span>
          <select name="health" defaultValue={filters.health.join(",")} className={cn(inputClass, "w-40")}>
            <option value="">any</option>
            {accountHealthStates.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
            <option value="missed,overdue">missed or overdue</option>
            <option value="overdue,missed,failed,warning">needs attention</option>
          </select>
        </label>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" name="usage" value="90" defaultChecked={filters.minUsagePercent === 90} />
          Over 90% quota
        </label>
        {resellers ? <ResellerSelect resellers={resellers} value={filters.resellerId} /> : null}
        {filters.sort !== defaultCustomerFilters.sort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
        {filters.dir !== defaultCustomerFilters.dir ? <input type="hidden" name="dir" value={filters.dir} /> : null}
        <Button type="submit">Apply</Button>
        <Link href="/customers" className="pb-2 text-sm text-slate-600 hover:underline dark:text-slate-400">
          Clear
        </Link>
      </form>
      <QuickFilterLinks label="Quick filters" links={presets.map((p) => ({ label: p.label, href: `/customers${customerFiltersQuery(base, p.change)}` }))} />
    </div>
  );
}
