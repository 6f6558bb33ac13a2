import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { createDatabase } from "./client";
import { isDatabaseUnavailable } from "./errors";
import { users } from "./schema";

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection through drizzle's wrapping", async () => {
    const { db, pool } = createDatabase(`mysql://root@127.0.0.1:${await closedPort()}/strongroom`, 1);
    const error = await db.select().from(users).limit(1).then(
      () => null,
      (e: unknown) => e,
    );
    await pool.end();
    expect(error).not.toBeNull();
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("does not mistake a query bug for an outage", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("syntax"), { code: "ER_PARSE_ERROR" }))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
  });
});
