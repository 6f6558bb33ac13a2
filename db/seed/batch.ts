import type { MySqlTable } from "drizzle-orm/mysql-core";
import type { Database } from "../client";

/** The handle inside `db.transaction(...)`; every insert of the seed runs in one transaction. */
export type SeedTransaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export const batchSize = 1000;

/** Multi-row INSERTs of at most `size` rows each. */
export async function insertInBatches<T extends MySqlTable>(tx: SeedTransaction, table: T, rows: T["$inferInsert"][], size = batchSize): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await tx.insert(table).values(rows.slice(i, i + size));
  }
}
