import { z } from "zod";

/** A row id from a hidden form field; anything else is an object that does not exist. */
export const rowIdInput = z.coerce.number({ error: "Not found." }).int("Not found.").positive("Not found.").max(Number.MAX_SAFE_INTEGER, "Not found.");
