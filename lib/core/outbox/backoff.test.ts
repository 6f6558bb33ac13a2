import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff";

describe("backoffDelay", () => {
  const options = { initialMs: 100, maxMs: 1_000, factor: 2, jitter: 0.5 };

  it("doubles from the initial delay up to the cap", () => {
    const delays = [1, 2, 3, 4, 5, 6, 5000].map((attempt) => backoffDelay(attempt, options, () => 0));
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
  });

  it("takes at most the jitter share off, never going over the cap", () => {
    expect(backoffDelay(10, options, () => 0.999_999)).toBe(500);
    for (let i = 0; i < 100; i += 1) {
      const delay = backoffDelay(3, options);
      expect(delay).toBeGreaterThanOrEqual(200);
      expect(delay).toBeLessThanOrEqual(400);
    }
  });
});
