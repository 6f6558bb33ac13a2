import Link from "next/link";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";
import { activityKinds, activityStatuses, entryLevels } from "@/db/schema/activities";
import { activitySorts } from "@/lib/dal/activities/activity-filters";

export type RawFilters = Record<string, string | undefined>;

const label = "mb-1 block text-xs font-medium text-slate-600 dark:text-slate-400";
// A date input shows YYYY-MM-DD only; a link may carry a full time, which the input cannot show.
const dateValue = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

function SelectField({ id, name, label: text, value, options }: { id: string; name: string; label: string; value?: string; options: readonly string[] }) {
  return (
    <div>
      <label htmlFor={id} className={label}>
        {text}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={inputClass}>
        <option value="">any</option>
        {options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    </div>
  );
}

/**
 * The activity list's filters as a plain GET form: the result is a URL to share, it works without
 * JavaScript, and every field is reachable with the keyboard. Scope filters from a link (account,
 * customer, reseller) ride along as hidden fields, shown with a way to drop them.
 */
export function ActivityFilterForm({ action, raw, statuses }: { action: string; raw: RawFilters; statuses: string[] }) {
  const scoped = (["account", "customer", "reseller"] as const).filter((k) => raw[k]);
  return (
    <form action={action} method="get" className="mb-6 space-y-3" role="search" aria-label="Filter activities">
      {scoped.map((k) => (
        <input key={k} type="hidden" name={k} value={raw[k]} />
      ))}
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <div className="col-span-2 sm:col-span-3 lg:col-span-2">
          <label htmlFor="filter-q" className={label}>
            Text in messages and paths
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={raw.q} placeholder="e.g. Outlook.pst or access denied" className={inputClass} />
        </div>
        <SelectField id="filter-level" name="level" label="Log level" value={raw.level} options={entryLevels} />
        <SelectField id="filter-kind" name="kind" label="Kind" value={raw.kind} options={activityKinds} />
        <div>
          <label htmlFor="filter-from" className={label}>
            From (UTC day)
          </label>
          <input id="filter-from" name="from" type="date" defaultValue={dateValue(raw.from)} className={inputClass} />
        </div>
        <div>
          <label htmlFor="filter-to" className={label}>
            To (UTC day, included)
          </label>
          <input id="filter-to" name="to" type="date" defaultValue={dateValue(raw.to)} className={inputClass} />
        </div>
      </div>
      <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
        <fieldset>
          <legend className={label}>Status</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {activityStatuses.map((s) => (
              <label key={s} className="inline-flex items-center gap-1.5">
                <input type="checkbox" name="status" value={s} defaultChecked={statuses.includes(s)} className="size-4 rounded accent-indigo-600" />
                {s}
              </label>
            ))}
          </div>
        </fieldset>
        <div>
          <label htmlFor="filter-sort" className={label}>
            Order
          </label>
          <select id="filter-sort" name="sort" defaultValue={raw.sort ?? "newest"} className={inputClass}>
            {activitySorts.map((s) => (
              <option key={s} value={s}>
                {s} first
              </option>
            ))}
          </select>
        </div>
        <div className="flex gap-2">
          <Button type="submit">Apply</Button>
          <Link href={scoped.length ? `${action}?${new URLSearchParams(scoped.map((k) => [k, raw[k] ?? ""]))}` : action} className="inline-flex items-center rounded-md px-3 py-2 text-sm font-semibold text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">
            Clear
          </Link>
        </div>
      </div>
      {scoped.length ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Showing one {scoped.join(" and ")} only.{" "}
          <Link href={action} className="font-semibold text-indigo-600 hover:underline dark:text-indigo-400">
            Show everything you can see
          </Link>
        </p>
      ) : null}
    </form>
  );
}
