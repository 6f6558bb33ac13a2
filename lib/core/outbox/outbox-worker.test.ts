import { describe, expect, it, vi } from "vitest";
import type { StorageDriver } from "../storage/driver";
import { createMemoryDriver } from "../storage/memory-driver";
import { openOutbox } from "./outbox";
import { createOutboxWorker, type DeliveryFailure, type OutboxWorkerOptions } from "./outbox-worker";
import { PermanentDeliveryError } from "./permanent-error";
import type { WorkerTimers } from "./worker-timers";

/** Timers that only fire when the test says so; each finished pass leaves exactly one scheduled. */
function manualTimers() {
  const scheduled = new Map<number, { callback: () => void; ms: number }>();
  let next = 1;
  const timers: WorkerTimers = {
    setTimeout(callback, ms) {
      scheduled.set(next, { callback, ms });
      return next++;
    },
    clearTimeout: (handle) => void scheduled.delete(handle as number),
  };
  return {
    timers,
    delays: () => [...scheduled.values()].map((t) => t.ms),
    /** Fires the one scheduled timer and waits for the pass it starts to schedule the next. */
    async fire() {
      const [entry] = [...scheduled.entries()];
      if (!entry) throw new Error("nothing scheduled");
      scheduled.delete(entry[0]);
      entry[1].callback();
      await vi.waitFor(() => expect(scheduled.size).toBe(1));
    },
  };
}

async function setup(deliver: OutboxWorkerOptions<number>["deliver"], driver: StorageDriver = createMemoryDriver()) {
  const outbox = await openOutbox<number>({ driver });
  const clock = manualTimers();
  const failures: DeliveryFailure[] = [];
  const worker = createOutboxWorker({
    outbox,
    deliver,
    timers: clock.timers,
    random: () => 0,
    backoff: { initialMs: 100, maxMs: 400 },
    pollIntervalMs: 30_000,
    onError: (_error, failure) => failures.push(failure),
  });
  return { outbox, clock, failures, worker };
}

describe("outbox worker", () => {
  it("delivers in append order, acknowledges, then waits for the poll timer", async () => {
    const seen: number[] = [];
    const { outbox, clock, worker } = await setup(async (n) => void seen.push(n));
    for (const n of [1, 2, 3]) await outbox.append(n);
    expect(await worker.drain()).toMatchObject({ delivered: 3, remaining: 0, error: null });
    expect(seen).toEqual([1, 2, 3]);
    expect(await outbox.pending()).toEqual([]);
    expect(clock.delays()).toEqual([30_000]);
  });

  it("stops at the first failure, backs off exponentially up to the cap, and loses nothing", async () => {
    const seen: number[] = [];
    let down = 5;
    const { outbox, clock, failures, worker } = await setup(async (n) => {
      if (n === 2 && down-- > 0) throw new Error("connect ECONNREFUSED");
      seen.push(n);
    });
    for (const n of [1, 2, 3]) await outbox.append(n);
    worker.start();
    await vi.waitFor(() => expect(clock.delays()).toEqual([100]));
    expect(worker.depth).toBe(2);
    worker.wake(); // an append during backoff does not cut the backoff short
    expect(clock.delays()).toEqual([100]);
    for (const delay of [200, 400, 400, 400]) {
      await clock.fire();
      expect(clock.delays()).toEqual([delay]);
    }
    await clock.fire();
    expect(seen).toEqual([1, 2, 3]);
    expect(failures.map((f) => [f.attempt, f.retryInMs, f.parked])).toEqual([[1, 100, false], [2, 200, false], [3, 400, false], [4, 400, false], [5, 400, false]]);
    expect(worker.failures).toBe(0);
    expect(clock.delays()).toEqual([30_000]);
  });

  it("parks a permanently failing item with its reason and delivers the rest", async () => {
    const seen: number[] = [];
    const { outbox, failures, worker } = await setup(async (n) => {
      if (n === 2) throw new PermanentDeliveryError("account 2 does not exist");
      seen.push(n);
    });
    for (const n of [1, 2, 3]) await outbox.append(n);
    expect(await worker.drain()).toMatchObject({ delivered: 2, parked: 1, remaining: 0 });
    expect(seen).toEqual([1, 3]);
    expect(worker.parked).toBe(1);
    const [dead] = await outbox.dead();
    expect(await outbox.readDead(dead ?? "")).toMatchObject({ reason: "account 2 does not exist", item: 2 });
    expect(failures).toEqual([expect.objectContaining({ parked: true, retryInMs: null })]);
  });

  it("redelivers an item whose acknowledge failed (crash between delivery and acknowledge)", async () => {
    const inner = createMemoryDriver();
    let failDeletes = 1;
    const driver: StorageDriver = {
      ...inner,
      delete: (key) => (failDeletes-- > 0 ? Promise.reject(new Error("EIO")) : inner.delete(key)),
    };
    const seen: number[] = [];
    const { outbox, worker } = await setup(async (n) => void seen.push(n), driver);
    await outbox.append(1);
    expect(await worker.drain()).toMatchObject({ delivered: 0, remaining: 1 });
    expect(await worker.drain()).toMatchObject({ delivered: 1, remaining: 0 });
    expect(seen).toEqual([1, 1]);
  });

  it("runs another pass for an item appended while a pass was delivering", async () => {
    const seen: number[] = [];
    const entered: number[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { outbox, clock, worker } = await setup(async (n) => {
      entered.push(n);
      if (n === 1) await gate;
      seen.push(n);
    });
    await outbox.append(1);
    const first = worker.drain();
    await vi.waitFor(() => expect(entered).toEqual([1]));
    await outbox.append(2); // after the pass listed the outbox
    worker.wake();
    release();
    expect(await first).toMatchObject({ delivered: 1, remaining: 1 });
    expect(clock.delays()).toEqual([0]);
    await clock.fire();
    expect(seen).toEqual([1, 2]);
  });

  it("stop() lets the delivery in flight finish and starts nothing after it", async () => {
    const seen: number[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const entered: number[] = [];
    const { outbox, clock, worker } = await setup(async (n) => {
      entered.push(n);
      await gate;
      seen.push(n);
    });
    for (const n of [1, 2]) await outbox.append(n);
    worker.start();
    await vi.waitFor(() => expect(entered).toEqual([1]));
    const stopped = worker.stop();
    release();
    await stopped;
    expect(seen).toEqual([1]);
    expect(clock.delays()).toEqual([]);
    expect(await worker.drain()).toMatchObject({ delivered: 0, remaining: 1 });
  });
});
