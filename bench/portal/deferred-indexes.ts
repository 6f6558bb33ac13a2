import type { Connection } from "mysql2/promise";

// Loading 20 million rows into a table that already has its secondary indexes maintains each index
// row by row in random order; adding them afterwards sorts once per index. The definitions are read
// from the migrated table itself, so an index someone adds in db/schema is dropped and re-added too.

export interface SecondaryIndex {
  name: string;
  /** The definition as SHOW CREATE TABLE prints it: `KEY \`name\` (...)`, `UNIQUE KEY ...`, `FULLTEXT KEY ...`. */
  definition: string;
  fulltext: boolean;
}

const indexLine = /^\s*((?:UNIQUE |FULLTEXT |SPATIAL )?KEY `([^`]+)` .*?),?$/;

export async function readSecondaryIndexes(conn: Connection, table: string): Promise<SecondaryIndex[]> {
  const [rows] = await conn.query(`SHOW CREATE TABLE \`${table}\``);
  const create = (rows as Record<string, string>[])[0]?.["Create Table"];
  if (!create) throw new Error(`SHOW CREATE TABLE ${table} returned nothing`);
  return create
    .split("\n")
    .map((line) => indexLine.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[2]!, definition: m[1]!, fulltext: m[1]!.startsWith("FULLTEXT") }));
}

/** Drops them; foreign_key_checks = 0 lets an index a foreign key relies on go too. */
export async function dropSecondaryIndexes(conn: Connection, table: string, indexes: SecondaryIndex[]): Promise<void> {
  if (indexes.length === 0) return;
  await conn.query("SET SESSION foreign_key_checks = 0");
  await conn.query(`ALTER TABLE \`${table}\` ${indexes.map((i) => `DROP INDEX \`${i.name}\``).join(", ")}`);
}

/**
 * Re-adds them: the ordinary ones in one ALTER (one pass over the table, one sort per index), each
 * FULLTEXT index in its own (InnoDB builds only one at a time).
 */
export async function addSecondaryIndexes(conn: Connection, table: string, indexes: SecondaryIndex[], log: (line: string) => void): Promise<void> {
  const plain = indexes.filter((i) => !i.fulltext);
  const statements = [
    ...(plain.length > 0 ? [{ what: plain.map((i) => i.name).join(", "), sql: `ALTER TABLE \`${table}\` ${plain.map((i) => `ADD ${i.definition}`).join(", ")}` }] : []),
    ...indexes.filter((i) => i.fulltext).map((i) => ({ what: i.name, sql: `ALTER TABLE \`${table}\` ADD ${i.definition}` })),
  ];
  for (const s of statements) {
    const started = performance.now();
    await conn.query(s.sql);
    log(`  ${table}: indexed ${s.what} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
