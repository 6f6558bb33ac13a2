"use client";

import { useActionState, useId } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { FormAction, HiddenFields as Fields } from "./form-action";
import { HiddenFields } from "./hidden-fields";

/** One setting (a quota, an interval, a name): a labelled field, a save button and the answer. */
export function SettingForm(props: { action: FormAction; hidden: Fields; name: string; label: string; defaultValue: string; hint: string; wide?: boolean }) {
  const [state, action, pending] = useActionState(props.action, undefined);
  const id = useId();
  return (
    <form action={action} className="space-y-2">
      <HiddenFields fields={props.hidden} />
      <label htmlFor={id} className="block text-sm font-medium">
        {props.label}
      </label>
      <div className="flex gap-2">
        <Input id={id} name={props.name} defaultValue={props.defaultValue} aria-describedby={`${id}-hint`} className={props.wide ? "max-w-sm" : "max-w-48"} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {props.hint}
      </p>
      <ActionMessage state={state} />
    </form>
  );
}
