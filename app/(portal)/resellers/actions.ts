"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { defineAction } from "@/lib/auth/action";
import { changeOrigin } from "@/lib/auth/change-origin";
import { createReseller } from "@/lib/dal/resellers/create-reseller";
import { renameReseller } from "@/lib/dal/resellers/rename-reseller";
import { firstUserInput, resellerNameInput } from "@/lib/dal/resellers/reseller-input";
import { rowIdInput } from "@/lib/dal/row-id-input";
import { setResellerDisabled } from "@/lib/dal/resellers/set-reseller-disabled";

// Admin-only reseller management; every change writes an audit row in its transaction.

export const createResellerAction = defineAction({
  permission: "resellers.create",
  schema: firstUserInput.extend({ name: resellerNameInput }),
  handler: async (input, actor) => {
    const { id } = await createReseller({ db: getDb(), actor }, input, await changeOrigin());
    revalidatePath("/resellers");
    redirect(`/resellers/${id}`);
  },
});

export const renameResellerAction = defineAction({
  permission: "resellers.rename",
  schema: z.object({ resellerId: rowIdInput, name: resellerNameInput }),
  handler: async ({ resellerId, name }, actor) => {
    const { changed } = await renameReseller({ db: getDb(), actor }, resellerId, name, await changeOrigin());
    revalidatePath(`/resellers/${resellerId}`);
    return { ok: true, message: changed ? "Reseller renamed." : "The reseller already has that name." };
  },
});

export const setResellerStatusAction = defineAction({
  permission: "resellers.status.update",
  schema: z.object({ resellerId: rowIdInput, status: z.enum(["disable", "enable"], { error: "Choose disable or enable." }) }),
  handler: async ({ resellerId, status }, actor) => {
    const disable = status === "disable";
    const { changed } = await setResellerDisabled({ db: getDb(), actor }, resellerId, disable, await changeOrigin());
    revalidatePath(`/resellers/${resellerId}`);
    if (!changed) return { ok: true, message: disable ? "The reseller was already disabled." : "The reseller was already enabled." };
    return { ok: true, message: disable ? "Reseller disabled: its users can no longer sign in." : "Reseller enabled." };
  },
});
