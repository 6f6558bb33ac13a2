import type { Metadata } from "next";
import localFont from "next/font/local";
import { cookies } from "next/headers";
import { parseTheme } from "@/lib/theme";
import "./globals.css";

// Shipped by @fontsource-variable/inter: no font download at build time.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "Strongroom", template: "%s · Strongroom" },
  description: "Backup logs, storage and accounts for providers, resellers and their customers.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = parseTheme((await cookies()).get("theme")?.value);
  return (
    <html lang="en" className={`${inter.variable} ${theme === "system" ? "" : theme}`}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">{children}</body>
    </html>
  );
}
