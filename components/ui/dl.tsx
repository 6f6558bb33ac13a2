/** A row of labelled figures, e.g. an account's quota and status. */
export function FactList({ facts }: { facts: { label: string; value: React.ReactNode }[] }) {
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
      {facts.map((f) => (
        <div key={f.label} className="rounded-lg bg-white p-4 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
          <dt className="text-xs font-medium text-slate-500 uppercase">{f.label}</dt>
          <dd className="mt-1 text-lg font-semibold">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
