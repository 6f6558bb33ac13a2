import { describe, expect, it } from "vitest";
import { decideThrottle, minutesUntil, throttlePolicy } from "./throttle";

const now = new Date("2026-01-01T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
// n failures, newest first, `step` minutes apart starting `startMinutesAgo`.
const times = (n: number, startMinutesAgo: number, step = 1) => Array.from({ length: n }, (_, i) => minutesAgo(startMinutesAgo + i * step));

describe("sign-in throttle policy", () => {
  it("allows up to four failures for a login from an address", () => {
    expect(decideThrottle({ pair: times(4, 1), address: times(4, 1), login: times(4, 1) }, now)).toEqual({ locked: false });
  });

  it("locks the fifth attempt until the oldest counted failure leaves the 15-minute window", () => {
    const decision = decideThrottle({ pair: times(5, 1), address: times(5, 1), login: times(5, 1) }, now);
    expect(decision).toEqual({ locked: true, retryAt: new Date(minutesAgo(5).getTime() + throttlePolicy.windowMs) });
  });

  it("unlocks once the oldest counted failure is older than the window", () => {
    expect(decideThrottle({ pair: times(5, 11), address: times(5, 11), login: times(5, 11) }, now)).toEqual({ locked: false });
  });

  it("locks an address after 20 failures across logins, even with few per login", () => {
    const decision = decideThrottle({ pair: times(1, 1), address: times(20, 1, 0.5), login: times(1, 1) }, now);
    expect(decision).toEqual({ locked: true, retryAt: new Date(minutesAgo(10.5).getTime() + throttlePolicy.windowMs) });
    expect(decideThrottle({ pair: times(1, 1), address: times(19, 1, 0.5), login: times(1, 1) }, now).locked).toBe(false);
  });

  it("locks a login after 20 failures from any addresses, so a forged address per guess does not help", () => {
    const decision = decideThrottle({ pair: times(1, 1), address: times(1, 1), login: times(20, 1, 0.5) }, now);
    expect(decision).toEqual({ locked: true, retryAt: new Date(minutesAgo(10.5).getTime() + throttlePolicy.windowMs) });
    expect(decideThrottle({ pair: times(1, 1), address: times(1, 1), login: times(19, 1, 0.5) }, now).locked).toBe(false);
  });

  it("reports the later of two locks", () => {
    const decision = decideThrottle({ pair: times(5, 2), address: times(20, 1, 0.25), login: times(5, 2) }, now);
    expect(decision).toEqual({ locked: true, retryAt: new Date(minutesAgo(5.75).getTime() + throttlePolicy.windowMs) });
  });

  it("rounds the wait up to whole minutes, at least one", () => {
    expect(minutesUntil(new Date(now.getTime() + 61_000), now)).toBe(2);
    expect(minutesUntil(new Date(now.getTime() + 1_000), now)).toBe(1);
    expect(minutesUntil(now, now)).toBe(1);
  });
});
