import type { Metadata } from "next";
import { Suspense } from "react";
import { BackupDashboard } from "@/components/dashboard/backup-dashboard";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { pageContext } from "@/lib/auth/session";

export const metadata: Metadata = { title: "My backups" };

function DashboardSkeleton() {
  return (
    <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" role="status" aria-label="Loading">
      {Array.from({ length: 3 }, (_, i) => (
        <Card key={i} className="space-y-4 p-4">
          <Skeleton className="h-6 w-1/2" />
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-2 w-full" />
          <Skeleton className="h-6 w-full" />
        </Card>
      ))}
    </div>
  );
}

export default async function MyBackupsPage() {
  const ctx = await pageContext("backups.own.read");
  return (
    <>
      <PageHeader title="My backups" description="Each backup account's health, storage and the last 30 days at a glance." />
      <Suspense fallback={<DashboardSkeleton />}>
        <BackupDashboard ctx={ctx} />
      </Suspense>
    </>
  );
}
