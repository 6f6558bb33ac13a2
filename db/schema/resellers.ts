import { boolean, mysqlTable, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id } from "./columns";

export const resellers = mysqlTable("resellers", {
  id: id(),
  name: varchar("name", { length: 120 }).notNull().unique(),
  disabled: boolean("disabled").notNull().default(false),
  createdAt: createdAt(),
});

export type Reseller = typeof resellers.$inferSelect;
export type NewReseller = typeof resellers.$inferInsert;
