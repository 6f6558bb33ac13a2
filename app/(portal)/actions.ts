"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { defineAction } from "@/lib/auth/action";
import { signOut } from "@/lib/auth/config";
import { themes } from "@/lib/theme";

export const logout = defineAction({
  permission: "session.end",
  schema: z.object({}),
  handler: async () => {
    await signOut({ redirectTo: "/login" });
  },
});

export const setTheme = defineAction({
  permission: "preferences.update",
  schema: z.object({ theme: z.enum(themes, { error: "Pick system, light or dark." }) }),
  handler: async ({ theme }) => {
    (await cookies()).set("theme", theme, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 365 * 24 * 3600 });
  },
});
