import { afterEach, beforeEach, describe } from "vitest";
import type { StorageDriver } from "./driver";
import type { ContractContext } from "./driver-contract-helpers";
import { keyTests } from "./driver-contract-keys";
import { listTests } from "./driver-contract-list";
import { namedAtEndTests } from "./driver-contract-named-at-end";
import { objectTests } from "./driver-contract-objects";
import { rangeIntoTests, rangeTests } from "./driver-contract-ranges";
import { scaleTests } from "./driver-contract-scale";
import { tempTests } from "./driver-contract-temp";

export type DriverFactory = () => Promise<{ driver: StorageDriver; cleanup(): Promise<void> }>;

/**
 * The one behaviour every storage driver shares (the unstorage pattern): each driver's test file
 * calls this with a factory, and every test gets a fresh, empty device. A new driver is done when
 * this suite passes unchanged; driver-specific tests only add to it.
 */
export function runDriverContract(name: string, makeDriver: DriverFactory): void {
  describe(`storage driver contract: ${name}`, () => {
    let current: Awaited<ReturnType<DriverFactory>> | undefined;
    const ctx: ContractContext = {
      get driver() {
        if (!current) throw new Error("the driver is only available inside a test");
        return current.driver;
      },
    };

    beforeEach(async () => {
      current = await makeDriver();
    });
    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });

    describe("objects", () => objectTests(ctx));
    describe("ranges", () => rangeTests(ctx));
    // Optional in driver.ts, like writeNamedAtEnd below: both drivers here have it.
    describe("ranges into a caller's buffer", () => rangeIntoTests(ctx));
    describe("list", () => listTests(ctx));
    describe("keys", () => keyTests(ctx));
    describe("temp files", () => tempTests(ctx));
    // Optional in driver.ts; both drivers here have it (a remote driver would skip these).
    describe("objects named at the end", () => namedAtEndTests(ctx));
    describe("scale", () => scaleTests(ctx));
  });
}
