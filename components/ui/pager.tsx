import Link from "next/link";

const linkClass = "rounded-md px-3 py-1.5 text-sm font-semibold text-indigo-600 ring-1 ring-slate-200 hover:bg-slate-50 dark:text-indigo-400 dark:ring-slate-700 dark:hover:bg-slate-800";

/** Previous/next links of an offset-paged list, with where the reader is; links keep every filter. */
export function Pager({ page, pageSize, total, href }: { page: number; pageSize: number; total: number; href: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const first = (page - 1) * pageSize + 1;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-3 text-sm">
      <span className="text-slate-600 dark:text-slate-400">
        {first > total ? `Page ${page} of ${pages}` : `${first.toLocaleString("en")}–${Math.min(page * pageSize, total).toLocaleString("en")} of ${total.toLocaleString("en")}`}
      </span>
      <span className="flex gap-2">
        {page > 1 ? (
          <Link className={linkClass} href={href(Math.min(page - 1, pages))} rel="prev">
            Previous
          </Link>
        ) : null}
        {page < pages ? (
          <Link className={linkClass} href={href(page + 1)} rel="next">
            Next
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
