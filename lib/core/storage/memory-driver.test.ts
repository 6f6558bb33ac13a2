import { describe, expect, it } from "vitest";
import { runDriverContract } from "./driver-contract";
import { expectStorageError, listKeys, patternBytes, stalledStream } from "./driver-contract-helpers";
import { createMemoryDriver } from "./memory-driver";

runDriverContract("memory", async () => ({
  driver: createMemoryDriver(),
  cleanup: async () => undefined,
}));

describe("memory driver with a capacity", () => {
  it("answers no_space once full and leaves existing objects unchanged", async () => {
    const driver = createMemoryDriver({ capacityBytes: 10_000 });
    const kept = patternBytes(6000, 1);
    await driver.write("kept", kept);
    await expectStorageError(driver.write("big", patternBytes(5000, 2)), "no_space");
    // An overwrite needs room for both versions until it commits, as on a disk.
    await expectStorageError(driver.write("kept", patternBytes(6000, 3)), "no_space");
    expect((await driver.read("kept")).equals(kept)).toBe(true);
    expect(await listKeys(driver, "")).toEqual(["kept"]);
    expect(await driver.statfs()).toEqual({ totalBytes: 10_000, freeBytes: 4000 });
  });

  it("fails a stream mid-way when it outgrows the device, and frees its space", async () => {
    const driver = createMemoryDriver({ capacityBytes: 100_000 });
    async function* big(): AsyncGenerator<Buffer> {
      for (let i = 0; i < 20; i += 1) yield patternBytes(10_000, i + 1);
    }
    await expectStorageError(driver.write("big", big()), "no_space");
    expect(await driver.statfs()).toEqual({ totalBytes: 100_000, freeBytes: 100_000 });
    await driver.write("fits", patternBytes(100_000, 9));
    expect(await driver.statfs()).toMatchObject({ freeBytes: 0 });
  });

  it("counts a write in progress as used space, and frees space on delete", async () => {
    const driver = createMemoryDriver({ capacityBytes: 50_000 });
    const stalled = stalledStream(patternBytes(30_000, 1), patternBytes(1, 2));
    const writing = driver.write("slow", stalled.stream);
    await stalled.pulled;
    expect(await driver.statfs()).toMatchObject({ freeBytes: 20_000 });
    stalled.release();
    await writing;
    await driver.delete("slow");
    expect(await driver.statfs()).toMatchObject({ freeBytes: 50_000 });
  });
});
