import { drizzle, type MySql2Database } from "drizzle-orm/mysql2";
import mysql from "mysql2/promise";
import { env } from "../lib/env";
import * as schema from "./schema";

export type Database = MySql2Database<typeof schema>;
export interface DatabaseHandle {
  db: Database;
  pool: mysql.Pool;
}

/** A pool and its drizzle handle. Times travel as UTC; bigints as numbers (bytes stay below 2^53). */
export function createDatabase(url: string, connectionLimit = env.DATABASE_POOL_SIZE): DatabaseHandle {
  const pool = mysql.createPool({
    uri: url,
    connectionLimit,
    timezone: "Z",
    supportBigNumbers: true,
    bigNumberStrings: false,
    connectTimeout: 5_000,
    enableKeepAlive: true,
    charset: "utf8mb4_unicode_ci",
  });
  return { db: drizzle(pool, { schema, mode: "default" }), pool };
}

// One pool per process; kept on globalThis so `next dev` reloads do not leak pools.
const holder = globalThis as unknown as { __strongroomDb?: DatabaseHandle };

export function getDb(): Database {
  if (!holder.__strongroomDb) {
    if (!env.DATABASE_URL) {
      throw new Error("DATABASE_URL is not set: run `npm run db:up` or see .env.example");
    }
    holder.__strongroomDb = createDatabase(env.DATABASE_URL);
  }
  return holder.__strongroomDb.db;
}
