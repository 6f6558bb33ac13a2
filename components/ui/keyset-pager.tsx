import Link from "next/link";

const linkClass = "rounded-md px-3 py-1.5 text-sm font-semibold text-indigo-600 ring-1 ring-slate-200 hover:bg-slate-50 dark:text-indigo-400 dark:ring-slate-700 dark:hover:bg-slate-800";

/** Previous/next links of a keyset-paged list (no page numbers: pages are keys, not offsets). */
export function KeysetPager({ previousHref, nextHref }: { previousHref: string | null; nextHref: string | null }) {
  if (!previousHref && !nextHref) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex justify-end gap-2">
      {previousHref ? (
        <Link className={linkClass} href={previousHref} rel="prev">
          Previous
        </Link>
      ) : null}
      {nextHref ? (
        <Link className={linkClass} href={nextHref} rel="next">
          Next
        </Link>
      ) : null}
    </nav>
  );
}
