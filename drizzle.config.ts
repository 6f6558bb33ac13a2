import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` uses this file; it needs no database connection.
export default defineConfig({
  dialect: "mysql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  breakpoints: true,
});
