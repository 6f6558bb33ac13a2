import Link from "next/link";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/input";

/** Search within one run's log; a GET form, so the result is a link. Keeps the level filter. */
export function EntrySearchForm({ activityId, q, level, error }: { activityId: number; q?: string; level?: string; error?: string }) {
  return (
    <form action={`/activities/${activityId}`} method="get" role="search" aria-label="Search this log" className="flex flex-wrap items-start gap-2">
      {level ? <input type="hidden" name="level" value={level} /> : null}
      <div>
        <label htmlFor="entry-q" className="sr-only">
          Words or paths in this log
        </label>
        <input id="entry-q" name="q" type="search" defaultValue={q} placeholder="Search this log, e.g. Outlook.pst" className={`${inputClass} w-64`} aria-invalid={error ? true : undefined} aria-describedby={error ? "entry-q-error" : undefined} />
        {error ? (
          <p id="entry-q-error" className="mt-1 text-xs text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </div>
      <Button type="submit" variant="secondary">
        Search
      </Button>
      {q ? (
        <Link href={level ? `/activities/${activityId}?level=${level}` : `/activities/${activityId}`} className="px-2 py-2 text-sm text-slate-600 hover:underline dark:text-slate-300">
          Clear
        </Link>
      ) : null}
    </form>
  );
}
