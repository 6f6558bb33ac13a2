import { cn } from "@/components/ui/cn";
import { stripStart, type DailyOutcome } from "@/lib/dal/dashboard/daily-outcomes";

const cellClass: Record<NonNullable<DailyOutcome> | "none", string> = {
  success: "bg-emerald-500",
  warning: "bg-amber-400",
  interrupted: "bg-red-400",
  failed: "bg-red-600",
  none: "bg-slate-200 dark:bg-slate-700",
};

/** One cell per UTC day, oldest on the left; each cell names its day and outcome for screen readers and on hover. */
export function OutcomeStrip({ days, now }: { days: DailyOutcome[]; now: Date }) {
  const start = stripStart(now, days.length).getTime();
  const label = (i: number, d: DailyOutcome) => `${new Date(start + i * 86_400_000).toISOString().slice(0, 10)}: ${d ?? "no backup"}`;
  return (
    <div>
      <ol className="flex gap-0.5" aria-label={`Daily backup outcomes, last ${days.length} days (UTC)`}>
        {days.map((d, i) => (
          <li key={i} title={label(i, d)} className={cn("h-6 flex-1 rounded-sm", cellClass[d ?? "none"])}>
            <span className="sr-only">{label(i, d)}</span>
          </li>
        ))}
      </ol>
      <div className="mt-1 flex justify-between text-xs text-slate-500">
        <span>{days.length} days ago</span>
        <span>today</span>
      </div>
    </div>
  );
}
