import Link from "next/link";

/** Ready-made filters as plain links, so each is a URL too. */
export function QuickFilterLinks({ label, links }: { label: string; links: { label: string; href: string }[] }) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-2 text-sm">
      {links.map((l) => (
        <Link key={l.label} href={l.href} className="rounded-full px-3 py-1 ring-1 ring-slate-300 hover:bg-slate-100 dark:ring-slate-700 dark:hover:bg-slate-800">
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
