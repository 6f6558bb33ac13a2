import type { Database } from "../../db/client";
import type { Actor } from "../auth/actor";

/** Every data-access function takes the database and the actor whose view it returns. */
export interface DalContext {
  db: Database;
  actor: Actor;
}
