import { z } from "zod";
import { credentialsSchema } from "../../auth/credentials";

// What the reseller forms accept. The name is shown on every page of the tenant, so it is bounded
// like the column (120) and free of control characters.
export const resellerNameInput = z
  .string({ error: "Enter the reseller's name." })
  .trim()
  .min(1, "Enter the reseller's name.")
  .max(120, "The reseller's name can be at most 120 characters.")
  .refine((s) => !/[\u0000-\u001F\u007F]/.test(s), "The name contains characters that are not allowed.");

/** The first reseller user: a login (stored lower case, as sign-in compares it) and a password. */
export const firstUserInput = z.object({
  login: credentialsSchema.shape.login.refine((s) => /^[^\s@]+@[^\s@]+$/.test(s), "Enter the login as an e-mail address, such as ops@reseller.example."),
  userName: z.string().trim().max(120, "The user's name can be at most 120 characters.").optional(),
  password: z
    .string({ error: "Enter a password for the first user." })
    .min(12, "The password must be at least 12 characters.")
    .max(1024, "That password is too long."),
});
