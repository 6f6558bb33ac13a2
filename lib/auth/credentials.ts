import { z } from "zod";

// Bounds keep a 10 KB paste from reaching argon2 or the database; U+FFFD means the browser sent
// bytes that were not UTF-8, which can never match a stored login.
export const credentialsSchema = z.object({
  login: z
    .string({ error: "Enter your login." })
    .trim()
    .min(1, "Enter your login.")
    .max(190, "That login is too long.")
    .refine((s) => !/[\uFFFD\u0000-\u001F\u007F]/.test(s), "The login contains characters that are not allowed.")
    .transform((s) => s.toLowerCase()),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024, "That password is too long."),
});

export type Credentials = z.infer<typeof credentialsSchema>;
