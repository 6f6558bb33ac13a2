import type { ActionState } from "@/lib/auth/action";

/** A server action as `useActionState` takes it (what defineAction builds). */
export type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type HiddenFields = Record<string, string | number>;
