import Link from "next/link";
import { HealthBadge } from "@/components/health/health-badge";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import type { DashboardAccount } from "@/lib/dal/dashboard/list-backup-dashboard";
import { formatAgo } from "@/lib/format";
import { OutcomeStrip } from "./outcome-strip";
import { StorageBar } from "./storage-bar";

const healthHint: Record<DashboardAccount["health"], string> = {
  overdue: "No successful backup for three expected intervals. Check that the client runs.",
  missed: "The expected backup did not succeed in time.",
  failed: "The latest backup failed: open it to read its errors.",
  warning: "The latest backup finished with warnings.",
  new: "No backup yet. Run the Strongroom client with this account.",
  ok: "Backups are running as expected.",
};

const linkClass = "font-semibold text-indigo-600 hover:underline dark:text-indigo-400";

export function AccountHealthCard({ account: a, now }: { account: DashboardAccount; now: Date }) {
  return (
    <Card className="flex flex-col gap-4 p-4" role="group" aria-labelledby={`account-${a.id}`}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={`account-${a.id}`} className="truncate font-semibold">
            <Link href={`/accounts/${a.id}`} className="hover:underline">
              {a.loginName}
            </Link>
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">{healthHint[a.health]}</p>
        </div>
        <HealthBadge health={a.health} />
      </div>
      <dl className="grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="text-xs font-medium text-slate-500 uppercase">Last success</dt>
          <dd>
            {a.lastSuccessAt ? (
              <>
                <LocalTime date={a.lastSuccessAt} /> <span className="text-slate-500">({formatAgo(a.lastSuccessAt, now)})</span>
              </>
            ) : (
              "never"
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium text-slate-500 uppercase">Next expected</dt>
          <dd>
            {a.nextExpectedAt ? (
              <>
                <LocalTime date={a.nextExpectedAt} />
                {a.nextExpectedAt < now ? <span className="text-red-700 dark:text-red-400"> (late)</span> : null}
              </>
            ) : (
              "no schedule set"
            )}
          </dd>
        </div>
      </dl>
      <StorageBar used={a.usedBytes} quota={a.quotaBytes} />
      <OutcomeStrip days={a.days} now={now} />
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link className={linkClass} href={`/activities?account=${a.id}`}>
          Activity
        </Link>
        {a.lastBackupStatus === "failed" || a.lastBackupStatus === "interrupted" ? (
          <Link className={linkClass} href={`/activities?account=${a.id}&status=failed,interrupted`}>
            Failed backups
          </Link>
        ) : null}
        <Link className={linkClass} href={`/accounts/${a.id}/snapshots`}>
          Snapshots
        </Link>
        <Link className={linkClass} href={`/accounts/${a.id}`}>
          Account
        </Link>
      </div>
    </Card>
  );
}
