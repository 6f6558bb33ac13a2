import type { ActionState } from "@/lib/auth/action";

/** What a form action answered: its confirmation or its error, announced to screen readers. */
export function ActionMessage({ state }: { state: ActionState }) {
  if (!state) return null;
  if (!state.ok)
    return (
      <p data-testid="action-error" aria-live="polite" className="mt-2 text-sm text-red-700 dark:text-red-400">
        {state.error}
      </p>
    );
  return state.message ? (
    <p data-testid="action-message" aria-live="polite" className="mt-2 text-sm text-emerald-700 dark:text-emerald-400">
      {state.message}
    </p>
  ) : null;
}
