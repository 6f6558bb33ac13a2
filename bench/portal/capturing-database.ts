import { drizzle } from "drizzle-orm/mysql2";
import mysql from "mysql2/promise";
import { createDatabase, type Database } from "../../db/client";
import * as schema from "../../db/schema";

// The portal's own pool settings (db/client.ts) with a drizzle logger that can record the SQL a DAL
// call sends, so the report can EXPLAIN exactly what the slowest page ran.

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

export interface CapturingDatabase {
  db: Database;
  pool: mysql.Pool;
  /** Runs fn once and returns the statements it sent, parameters inlined. */
  capture(fn: () => Promise<unknown>): Promise<string[]>;
}

export function openCapturingDatabase(url: string): CapturingDatabase {
  const { pool } = createDatabase(url, 4);
  let recording: CapturedQuery[] | null = null;
  const db = drizzle(pool, {
    schema,
    mode: "default",
    logger: { logQuery: (sql, params) => recording?.push({ sql, params }) },
  });
  return {
    db,
    pool,
    async capture(fn) {
      recording = [];
      try {
        await fn();
        // The pool's own timezone ("Z"), so dates inline as the driver would send them.
        return recording.map((q) => mysql.format(q.sql, q.params as never[], false, "Z"));
      } finally {
        recording = null;
      }
    },
  };
}
