"use client";

import { useActionState } from "react";
import { resetBackupPassword } from "@/app/(portal)/accounts/[accountId]/actions";
import { HiddenFields } from "@/components/forms/hidden-fields";
import { ActionMessage } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";

/** Generates a new backup password and shows it once; the old one stops working at once. */
export function ResetPasswordForm({ accountId }: { accountId: number }) {
  const [state, action, pending] = useActionState(resetBackupPassword, undefined);
  return (
    <form action={action} className="space-y-2">
      <HiddenFields fields={{ accountId }} />
      <p className="text-sm font-medium">Backup password</p>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Generating…" : "Reset password"}
      </Button>
      <p className="text-xs text-slate-500">The client must be given the new password; the old one stops working.</p>
      <ActionMessage state={state} />
      {state?.ok && state.secret ? (
        <output data-testid="new-password" className="block rounded-md bg-slate-100 px-3 py-2 font-mono text-sm break-all select-all dark:bg-slate-800">
          {state.secret}
        </output>
      ) : null}
    </form>
  );
}
