"use client";

import { useActionState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import type { FormAction, HiddenFields as Fields } from "./form-action";
import { HiddenFields } from "./hidden-fields";

/** A one-button change (suspend, resume, disable, enable) with what it does and the answer. */
export function ActionButtonForm(props: { action: FormAction; hidden: Fields; title: string; label: string; hint: string; primary?: boolean; disabled?: boolean }) {
  const [state, action, pending] = useActionState(props.action, undefined);
  return (
    <form action={action} className="space-y-2">
      <HiddenFields fields={props.hidden} />
      <p className="text-sm font-medium">{props.title}</p>
      <Button type="submit" variant={props.primary ? "primary" : "secondary"} disabled={pending || props.disabled}>
        {props.label}
      </Button>
      <p className="text-xs text-slate-500">{props.hint}</p>
      <ActionMessage state={state} />
    </form>
  );
}
