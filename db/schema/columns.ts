import { bigint, datetime } from "drizzle-orm/mysql-core";

// Shared column shapes. Times are UTC with millisecond precision (the pool sets timezone "Z").
export const id = (name = "id") => bigint(name, { mode: "number", unsigned: true }).autoincrement().primaryKey();
export const ref = (name: string) => bigint(name, { mode: "number", unsigned: true });
export const bytes = (name: string) => bigint(name, { mode: "number", unsigned: true });
export const time = (name: string) => datetime(name, { mode: "date", fsp: 3 });
export const createdAt = () => time("created_at").notNull().$defaultFn(() => new Date());
