"use client";

import { Button } from "@/components/ui/button";
import { DB_UNAVAILABLE_DIGEST } from "@/lib/error-digests";
import { DatabaseUnavailable } from "./database-unavailable";

/** What an error boundary shows: never the error's text, which may hold internals. */
export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  if (error.digest === DB_UNAVAILABLE_DIGEST) return <DatabaseUnavailable />;
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">
        The page could not be shown. Try again; if it keeps happening, contact support and quote reference {error.digest ?? "unknown"}.
      </p>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
