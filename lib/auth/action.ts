import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AppError, toAppError } from "../errors";
import type { Actor } from "./actor";
import { can, type Permission } from "./permissions";
import { getActor } from "./session";

/** What every form action returns to `useActionState`. Expected failures are values, not throws. */
export type ActionState =
  // `secret`: a value shown once to the user who asked for it (a generated password); never logged.
  | { ok: true; message?: string; secret?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> }
  | undefined;

type Handler<S extends z.ZodType, A> = (input: z.infer<S>, actor: A) => Promise<ActionState | void>;

async function run<S extends z.ZodType, A>(schema: S, formData: FormData, actor: A, handler: Handler<S, A>): Promise<ActionState> {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    return { ok: false, error: parsed.error.issues[0]?.message ?? "Check the form.", fieldErrors: fieldErrors as Record<string, string[]> };
  }
  try {
    return (await handler(parsed.data, actor)) ?? { ok: true };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
    const appError = toAppError(error);
    if (appError instanceof AppError) return { ok: false, error: appError.message };
    console.error("action failed", error);
    return { ok: false, error: "Something went wrong. Try again, or contact support if it keeps happening." };
  }
}

/**
 * The one way to build a server action: the actor is loaded from MySQL, the permission checked and
 * the form validated before the handler runs; the handler still scopes its queries by the actor.
 */
export function defineAction<S extends z.ZodType>(options: { permission: Permission; schema: S; handler: Handler<S, Actor> }) {
  return async (_prev: ActionState, formData: FormData): Promise<ActionState> => {
    let actor: Actor | null;
    try {
      actor = await getActor();
    } catch (error) {
      const appError = toAppError(error);
      if (appError instanceof AppError) return { ok: false, error: appError.message };
      throw error;
    }
    if (!actor) return { ok: false, error: "Your session has ended. Sign in again." };
    // Same answer as an object of another tenant: nothing says the action exists.
    if (!can(actor.role, options.permission)) return { ok: false, error: "Not found." };
    return run(options.schema, formData, actor, options.handler);
  };
}

/** The same, for the few actions that run before anyone is signed in (the login form). */
export function definePublicAction<S extends z.ZodType>(options: { schema: S; handler: Handler<S, null> }) {
  return (_prev: ActionState, formData: FormData): Promise<ActionState> => run(options.schema, formData, null, options.handler);
}
