"use client";

import { useActionState } from "react";
import { createResellerAction } from "@/app/(portal)/resellers/actions";
import { ActionMessage } from "@/components/ui/action-message";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

const fields = [
  { name: "name", label: "Reseller name", type: "text", autoComplete: "organization", hint: "Shown to the reseller and its customers." },
  { name: "login", label: "First user's login", type: "email", autoComplete: "off", hint: "An e-mail address, such as ops@reseller.example." },
  { name: "userName", label: "First user's name", type: "text", autoComplete: "off", hint: "Optional; the reseller's name if empty." },
  { name: "password", label: "First user's password", type: "password", autoComplete: "new-password", hint: "At least 12 characters; give it to them by a separate channel." },
] as const;

/** A new reseller and its first reseller user; the admin lands on the new reseller's page. */
export function CreateResellerForm() {
  const [state, action, pending] = useActionState(createResellerAction, undefined);
  const fieldError = (name: string) => (state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined);
  return (
    <form action={action} className="grid gap-4 p-4 sm:grid-cols-2" aria-label="New reseller" noValidate>
      {fields.map((f) => (
        <label key={f.name} className="block text-sm">
          <span className="mb-1 block font-medium">{f.label}</span>
          <Input name={f.name} type={f.type} autoComplete={f.autoComplete} aria-invalid={fieldError(f.name) ? true : undefined} />
          <span className={fieldError(f.name) ? "mt-1 block text-xs text-red-700 dark:text-red-400" : "mt-1 block text-xs text-slate-500"}>{fieldError(f.name) ?? f.hint}</span>
        </label>
      ))}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create reseller"}
        </Button>
        <ActionMessage state={state} />
      </div>
    </form>
  );
}
