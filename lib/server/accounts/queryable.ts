import type { Database } from "../../../db/client";

/** A database handle or an open transaction: what the account queries need. */
export type Queryable = Pick<Database, "select" | "insert" | "update">;
