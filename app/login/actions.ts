"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { definePublicAction } from "@/lib/auth/action";
import { signIn } from "@/lib/auth/config";
import { credentialsSchema } from "@/lib/auth/credentials";
import { parseLoginErrorCode } from "@/lib/auth/login-error";
import { loginMessage } from "@/lib/auth/login-messages";

// Only same-site paths: an open redirect after login would hand a phishing page our trust.
const callbackSchema = z
  .string()
  .optional()
  .transform((v) => (v && v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : "/"));

export const login = definePublicAction({
  schema: credentialsSchema.extend({ callbackUrl: callbackSchema }),
  handler: async ({ login, password, callbackUrl }) => {
    try {
      await signIn("credentials", { login, password, redirectTo: callbackUrl });
    } catch (error) {
      if (error instanceof CredentialsSignin) {
        const { code, detail } = parseLoginErrorCode(error.code);
        return { ok: false, error: loginMessage(code, detail) };
      }
      if (error instanceof AuthError) return { ok: false, error: loginMessage("invalid_credentials") };
      throw error;
    }
  },
});
