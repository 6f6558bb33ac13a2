import { describe, expect, it } from "vitest";
import { ReadRing } from "./read-ring";

describe("ReadRing", () => {
  it("hands out regions while they fit, then in arrival order as regions come back", async () => {
    const ring = new ReadRing(100);
    const a = await ring.take(40);
    const b = await ring.take(40);
    const order: string[] = [];
    const big = ring.take(30).then((at) => order.push(`big@${at}`));
    const small = ring.take(5).then((at) => order.push(`small@${at}`));
    await Promise.resolve();
    // 20 bytes are free at the end, but the 30 came first: nothing overtakes it.
    expect(order).toEqual([]);
    ring.give(b);
    await Promise.resolve();
    // Space comes back in order: b's region is reusable only once a's is.
    expect(order).toEqual([]);
    ring.give(a);
    await Promise.all([big, small]);
    expect(order).toEqual(["big@0", "small@30"]);
  });

  it("gives views of its shared buffer and sends long or empty reads elsewhere", async () => {
    const ring = new ReadRing(64);
    const at = await ring.take(8);
    ring.view(at, 8).fill(7);
    expect(Buffer.from(ring.buffer, at, 8).every((b) => b === 7)).toBe(true);
    expect([ring.fits(32), ring.fits(33), ring.fits(0)]).toEqual([true, false, false]);
  });
});
