import Link from "next/link";
import { cn } from "@/components/ui/cn";

const levels = [undefined, "error", "warning", "info"] as const;

/** Plain links, so a filtered log is a URL a colleague can open too. */
export function EntryLevelFilter({ activityId, current, q }: { activityId: number; current?: string; q?: string }) {
  const href = (level: string | undefined) => {
    const params = new URLSearchParams([...(level ? [["level", level]] : []), ...(q ? [["q", q]] : [])]);
    return params.size ? `/activities/${activityId}?${params}` : `/activities/${activityId}`;
  };
  return (
    <nav aria-label="Filter entries by level" className="flex gap-1">
      {levels.map((level) => (
        <Link
          key={level ?? "all"}
          href={href(level)}
          aria-current={current === level ? "page" : undefined}
          className={cn(
            "rounded-md px-2.5 py-1 text-sm capitalize",
            current === level ? "bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900" : "text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
          )}
        >
          {level ?? "all"}
        </Link>
      ))}
    </nav>
  );
}
