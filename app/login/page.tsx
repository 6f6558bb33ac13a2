import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/login-form";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <span aria-hidden className="mx-auto block h-10 w-10 rounded-lg bg-indigo-600" />
          <h1 className="mt-4 text-2xl font-semibold tracking-tight">Sign in to Strongroom</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Backup logs, storage and accounts.</p>
        </div>
        <Card className="p-6">
          <LoginForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : undefined} />
        </Card>
      </div>
    </main>
  );
}
