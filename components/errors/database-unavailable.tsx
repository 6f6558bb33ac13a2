export function DatabaseUnavailable() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-amber-600">503</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Metadata database unavailable</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">
        The portal cannot reach its metadata database right now. Backups and restores keep running on the backup servers, and their logs
        will appear here once the database is back. Try again in a minute.
      </p>
    </main>
  );
}
