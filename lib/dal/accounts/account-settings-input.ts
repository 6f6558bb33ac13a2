import { z } from "zod";
import { parseIntervalHours, parseSize } from "../../server/accounts/parse-size";

// What the account settings forms accept, as the admin CLI does: binary sizes ("500G", "1.5T",
// bytes) and intervals ("24h", "7d", "36" hours). Every refusal names what to type instead.

/** Beyond this a quota is a typo, not a plan: no device here holds a petabyte per account. */
export const MAX_QUOTA_BYTES = 2 ** 50;
const tooLarge = "The quota can be at most 1 PiB (1024T).";

export const quotaInput = z
  .string({ error: "Enter a quota." })
  .trim()
  .min(1, "Enter a quota, such as 500G or 1.5T.")
  .max(32, "That quota is too long: enter a size such as 500G or 1.5T.")
  .transform((text, ctx) => {
    if (text.startsWith("-")) {
      ctx.addIssue({ code: "custom", message: "The quota cannot be negative." });
      return z.NEVER;
    }
    const bytes = parseSize(text);
    // A well-formed size parseSize still refuses is beyond 2^53 bytes: too large, not malformed.
    if (bytes === null && /^\d+(\.\d+)?\s*[KMGTP]?(i?B)?$/i.test(text)) {
      ctx.addIssue({ code: "custom", message: tooLarge });
      return z.NEVER;
    }
    if (bytes === null) {
      ctx.addIssue({ code: "custom", message: "Enter the quota as a size such as 500G, 1.5T or a number of bytes." });
      return z.NEVER;
    }
    if (bytes > MAX_QUOTA_BYTES) {
      ctx.addIssue({ code: "custom", message: tooLarge });
      return z.NEVER;
    }
    return bytes;
  });

/** Empty clears the expectation (the account is then never "missed"). */
export const intervalInput = z
  .string({ error: "Enter an interval." })
  .trim()
  .max(16, "That interval is too long: enter hours or days such as 24h or 7d.")
  .transform((text, ctx) => {
    if (text === "") return null;
    if (!/^\d+\s*[hd]?$/i.test(text)) {
      ctx.addIssue({ code: "custom", message: "Enter the interval in hours or days, such as 24h or 7d, or leave it empty." });
      return z.NEVER;
    }
    const hours = parseIntervalHours(text);
    if (hours === null) {
      ctx.addIssue({ code: "custom", message: "The expected interval must be between 1 hour and 365 days." });
      return z.NEVER;
    }
    return hours;
  });
