import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { AppNav } from "@/components/nav/app-nav";
import { DatabaseUnavailable } from "@/components/errors/database-unavailable";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { parseTheme } from "@/lib/theme";

// Redirects only: every page and every query checks the actor again (the DAL is the boundary).
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  let actor;
  try {
    actor = await getActor();
  } catch (error) {
    if (error instanceof AppError && error.code === "db_unavailable") return <DatabaseUnavailable />;
    throw error;
  }
  if (!actor) redirect("/login");
  const theme = parseTheme((await cookies()).get("theme")?.value);
  return (
    <>
      <AppNav actor={actor} theme={theme} />
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">{children}</main>
    </>
  );
}
