import Link from "next/link";
import { QuickFilterLinks } from "@/components/forms/quick-filter-links";
import { ResellerSelect } from "@/components/forms/reseller-select";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input, inputClass } from "@/components/ui/input";
import { activityKinds, entryLevels } from "@/db/schema/activities";
import { searchPresets, searchWindows, type SupportSearch } from "@/lib/dal/search/support-search";

const statusChoices = [
  { value: "", label: "any" },
  { value: "failed,interrupted", label: "failed or interrupted" },
  { value: "failed", label: "failed" },
  { value: "warning", label: "warning" },
  { value: "success", label: "success" },
  { value: "running", label: "running" },
];

const dateInput = (d: Date | undefined) => (d ? d.toISOString().slice(0, 16) : "");

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <label className="text-sm">
      <span className="mb-1 block font-medium">{label}</span>
      {children}
    </label>
  );
}

/**
 * A plain GET form: the whole search is its URL, so it can be bookmarked and shared. Dates are UTC,
 * as the URL is read by colleagues in other time zones.
 */
export function SearchForm({ search, resellers }: { search: SupportSearch | null; resellers: { id: number; name: string }[] | null }) {
  const f = search?.filters;
  const select = cn(inputClass, "w-44");
  return (
    <div className="mb-6 space-y-3">
      <form method="get" action="/search" role="search" aria-label="Search activities and log entries" className="flex flex-wrap items-end gap-3">
        <Field label="Text in summaries, messages and paths">
          <Input type="search" name="q" defaultValue={f?.q ?? ""} placeholder="e.g. Outlook.pst" className="w-64" />
        </Field>
        <Field label="Entry level">
          <select name="level" defaultValue={f?.level ?? ""} className={select}>
            <option value="">any</option>
            {entryLevels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Status">
          <select name="status" defaultValue={f?.status?.join(",") ?? ""} className={select}>
            {statusChoices.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Kind">
          <select name="kind" defaultValue={f?.kind ?? ""} className={select}>
            <option value="">any</option>
            {activityKinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Within">
          <select name="since" defaultValue={search?.since ?? ""} className={select}>
            <option value="">any time</option>
            {Object.keys(searchWindows).map((w) => (
              <option key={w} value={w}>
                last {w}
              </option>
            ))}
          </select>
        </Field>
        <Field label="From (UTC)">
          <Input type="datetime-local" name="from" defaultValue={search?.since ? "" : dateInput(f?.from)} className="w-52" />
        </Field>
        <Field label="To (UTC)">
          <Input type="datetime-local" name="to" defaultValue={dateInput(f?.to)} className="w-52" />
        </Field>
        {resellers ? <ResellerSelect resellers={resellers} value={f?.resellerId} /> : null}
        {f?.customerId ? <input type="hidden" name="customer" value={f.customerId} /> : null}
        {f?.accountId ? <input type="hidden" name="account" value={f.accountId} /> : null}
        <Button type="submit">Search</Button>
        <Link href="/search" className="pb-2 text-sm text-slate-600 hover:underline dark:text-slate-400">
          Clear
        </Link>
      </form>
      <QuickFilterLinks label="Ready-made searches" links={searchPresets.map((p) => ({ label: p.label, href: `/search?${p.query}` }))} />
    </div>
  );
}
