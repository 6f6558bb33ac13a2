import { describe, expect, it } from "vitest";
import { SharedRing } from "./shared-ring";

describe("SharedRing", () => {
  it("hands out regions in order, wraps, and reclaims space only as the oldest regions are freed", () => {
    const ring = new SharedRing(100);
    const a = ring.allocate(40);
    const b = ring.allocate(40);
    expect([a, b]).toEqual([0, 40]);
    expect(ring.allocate(30)).toBe(-1); // 20 left at the end, nothing freed at the start
    ring.free(b); // Out of order: a still holds the start.
    expect(ring.allocate(30)).toBe(-1);
    ring.free(a);
    expect(ring.allocate(30)).toBe(0); // Everything free: starts over.
    const c = ring.allocate(50);
    expect(c).toBe(30);
    expect(ring.allocate(30)).toBe(-1); // 20 at the end, 0 before head
    ring.free(0);
    expect(ring.allocate(25)).toBe(0); // 20 at the end is too little: pads it and wraps before head (30)
    expect(ring.allocate(5)).toBe(-1); // Only 5 left before head: never fill up to head exactly
  });

  it("never hands out overlapping live regions under random use", () => {
    const ring = new SharedRing(1000);
    const live = new Map<number, number>();
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
    for (let step = 0; step < 20_000; step++) {
      if (live.size > 0 && rand(3) === 0) {
        const keys = [...live.keys()];
        const at = keys[rand(keys.length)]!;
        live.delete(at);
        ring.free(at);
        continue;
      }
      const length = 1 + rand(300);
      const at = ring.allocate(length);
      if (at < 0) continue;
      expect(at + length).toBeLessThanOrEqual(1000);
      for (const [o, l] of live) expect(at + length <= o || o + l <= at).toBe(true);
      live.set(at, length);
    }
  });
});
