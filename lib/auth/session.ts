import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "../../db/client";
import { toAppError } from "../errors";
import type { DalContext } from "../dal/context";
import type { Actor } from "./actor";
import { auth } from "./config";
import { loadActor } from "./load-actor";
import { can, type Permission } from "./permissions";

/** The signed-in actor, read from MySQL once per request (React cache), or null. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const userId = Number(session?.user?.id);
  if (!Number.isSafeInteger(userId) || userId <= 0) return null;
  try {
    return await loadActor(getDb(), userId);
  } catch (error) {
    throw toAppError(error);
  }
});

/** For pages: no actor goes to the login page. Layouts redirect; the DAL is the security boundary. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}

/** A page a role may not use answers 404, like an object of another tenant. */
export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor.role, permission)) notFound();
  return actor;
}

/** What a page hands to the data-access layer: the database and a permitted actor. */
export async function pageContext(permission: Permission): Promise<DalContext> {
  return { db: getDb(), actor: await requirePermission(permission) };
}
