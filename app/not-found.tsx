import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Not found</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">There is nothing here, or you do not have access to it.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-semibold text-indigo-600 hover:underline dark:text-indigo-400">
        Back to the start page
      </Link>
    </main>
  );
}
