import { boolean, index, mysqlEnum, mysqlTable, varchar } from "drizzle-orm/mysql-core";
import { createdAt, id, ref } from "./columns";
import { resellers } from "./resellers";

export const roles = ["admin", "reseller", "customer"] as const;
export type Role = (typeof roles)[number];

/** Portal users. A reseller user belongs to its reseller; a customer user to the reseller serving it. */
export const users = mysqlTable(
  "users",
  {
    id: id(),
    login: varchar("login", { length: 190 }).notNull().unique(),
    name: varchar("name", { length: 120 }).notNull(),
    role: mysqlEnum("role", roles).notNull(),
    resellerId: ref("reseller_id").references(() => resellers.id),
    // argon2id PHC string; never selected outside lib/auth.
    passwordHash: varchar("password_hash", { length: 255 }).notNull(),
    disabled: boolean("disabled").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("users_reseller_role_idx").on(t.resellerId, t.role)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
