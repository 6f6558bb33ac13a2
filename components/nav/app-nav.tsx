import Link from "next/link";
import type { Actor } from "@/lib/auth/actor";
import { navigationFor } from "@/lib/auth/navigation";
import type { Theme } from "@/lib/theme";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";
import { ThemeSwitcher } from "./theme-switcher";

export function AppNav({ actor, theme }: { actor: Actor; theme: Theme }) {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <nav className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6" aria-label="Main">
        <Link href="/" className="flex items-center gap-2 font-semibold">
          <span aria-hidden className="inline-block h-6 w-6 rounded bg-indigo-600" />
          Strongroom
        </Link>
        <div className="flex flex-wrap gap-1">
          {navigationFor(actor.role).map((item) => (
            <NavLink key={item.href} href={item.href}>
              {item.label}
            </NavLink>
          ))}
        </div>
        <div className="ml-auto flex items-center gap-3">
          <ThemeSwitcher current={theme} />
          <span className="hidden text-right text-sm sm:block">
            <span className="block font-medium">{actor.name}</span>
            <span className="block text-xs text-slate-500 capitalize">{actor.role}</span>
          </span>
          <SignOutButton />
        </div>
      </nav>
    </header>
  );
}
