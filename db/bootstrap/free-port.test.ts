import net from "node:net";
import { describe, expect, it } from "vitest";
import { findFreePort, isPortFree } from "./free-port";

describe("free port finder", () => {
  it("returns a port that can be bound, and reports it busy while bound", async () => {
    const port = await findFreePort();
    expect(port).toBeGreaterThan(0);
    expect(await isPortFree(port)).toBe(true);
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    try {
      expect(await isPortFree(port)).toBe(false);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await isPortFree(port)).toBe(true);
  });
});
