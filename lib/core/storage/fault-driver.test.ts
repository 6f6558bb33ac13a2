import { describe, expect, it } from "vitest";
import { expectStorageError, listKeys, patternBytes, streamOf } from "./driver-contract-helpers";
import { createFaultDriver } from "./fault-driver";
import { createMemoryDriver } from "./memory-driver";

describe("fault driver", () => {
  it("fails the Nth write and every later one with no_space, counting attempts", async () => {
    const driver = createFaultDriver(createMemoryDriver(), { noSpaceFromWrite: 3 });
    await driver.write("a", Buffer.from("1"));
    await driver.write("b", Buffer.from("2"));
    await expectStorageError(driver.write("c", Buffer.from("3")), "no_space");
    await expectStorageError(driver.write("a", Buffer.from("new")), "no_space");
    expect(driver.writes).toBe(4);
    expect((await driver.read("a")).toString()).toBe("1");
    expect(await listKeys(driver, "")).toEqual(["a", "b"]);
  });

  it("fails the write that would pass the byte budget, mid-stream, leaving no temp", async () => {
    const inner = createMemoryDriver();
    const driver = createFaultDriver(inner, { noSpaceAfterBytes: 50_000 });
    await driver.write("first", patternBytes(30_000, 1));
    await expectStorageError(driver.write("second", streamOf(patternBytes(30_000, 2))), "no_space");
    await expectStorageError(driver.write("third", patternBytes(20_001, 3)), "no_space");
    // A failed write uses none of the budget: the device is as full as before it.
    await driver.write("fits", streamOf(patternBytes(20_000, 4)));
    expect(await listKeys(driver, "")).toEqual(["first", "fits"]);
    expect(await inner.sweepTemp(0)).toBe(0);
  });

  it("fails reads of the given keys only", async () => {
    const driver = createFaultDriver(createMemoryDriver(), { failReads: ["bad"] });
    await driver.write("bad", Buffer.from("x"));
    await driver.write("good", Buffer.from("y"));
    await expectStorageError(driver.read("bad"), "io");
    await expectStorageError(driver.readRange("bad", 0, 1), "io");
    expect((await driver.read("good")).toString()).toBe("y");
    expect(await driver.stat("bad")).toMatchObject({ size: 1 });
  });

  it("calls beforeWrite with the write number before any byte is written", async () => {
    const seen: string[] = [];
    const inner = createMemoryDriver();
    const driver = createFaultDriver(inner, {
      beforeWrite: async ({ n, key }) => {
        seen.push(`${n}:${key}:${(await inner.stat(key)) === null ? "absent" : "present"}`);
        if (n === 3) throw new Error("simulated crash");
      },
    });
    await driver.write("k1", Buffer.from("1"));
    await driver.write("k2", Buffer.from("2"));
    await expect(driver.write("k3", Buffer.from("3"))).rejects.toThrow("simulated crash");
    expect(seen).toEqual(["1:k1:absent", "2:k2:absent", "3:k3:absent"]);
    expect(await inner.stat("k3")).toBeNull();
  });
});
