import { cn } from "@/components/ui/cn";
import { formatBytes, formatPercent } from "@/lib/format";

/** Storage used against quota; amber from 80%, red from 95%. */
export function StorageBar({ used, quota }: { used: number; quota: number }) {
  const share = quota > 0 ? Math.min(used / quota, 1) : 0;
  const tone = share >= 0.95 ? "bg-red-600" : share >= 0.8 ? "bg-amber-500" : "bg-indigo-600 dark:bg-indigo-500";
  return (
    <div>
      <div className="flex justify-between text-sm">
        <span>
          {formatBytes(used)} of {formatBytes(quota)}
        </span>
        <span className="text-slate-500">{formatPercent(used, quota)}</span>
      </div>
      <div
        className="mt-1 h-2 rounded-full bg-slate-200 dark:bg-slate-700"
        role="meter"
        aria-label="Storage used"
        aria-valuemin={0}
        aria-valuemax={quota}
        aria-valuenow={Math.min(used, quota)}
        aria-valuetext={`${formatBytes(used)} of ${formatBytes(quota)}`}
      >
        <div className={cn("h-2 rounded-full", tone)} style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </div>
    </div>
  );
}
