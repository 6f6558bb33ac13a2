"use client";

import { useActionState } from "react";
import { setTheme } from "@/app/(portal)/actions";
import { cn } from "@/components/ui/cn";
import { themes, type Theme } from "@/lib/theme";

export function ThemeSwitcher({ current }: { current: Theme }) {
  const [, action, pending] = useActionState(setTheme, undefined);
  return (
    <form action={action} className="flex rounded-md ring-1 ring-slate-200 dark:ring-slate-700" aria-label="Colour theme">
      {themes.map((t) => (
        <button
          key={t}
          type="submit"
          name="theme"
          value={t}
          disabled={pending}
          aria-pressed={current === t}
          className={cn(
            "px-2 py-1 text-xs capitalize first:rounded-l-md last:rounded-r-md",
            current === t ? "bg-slate-200 font-semibold dark:bg-slate-700" : "text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800",
          )}
        >
          {t}
        </button>
      ))}
    </form>
  );
}
