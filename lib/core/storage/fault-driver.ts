import { StorageError, type StorageDriver } from "./driver";

export interface StorageFaults {
  /** The Nth write (1-based) and every later one fail with "no_space", as on a full device. */
  noSpaceFromWrite?: number;
  /**
   * A device with room for this many bytes of successful writes (deletes free nothing): the
   * write that would exceed it fails with "no_space", mid-stream for streamed data, so the inner
   * driver's cleanup of a half-written temp file is exercised too.
   */
  noSpaceAfterBytes?: number;
  /** read() and readRange() of these keys fail with `readErrorCode` (default "io"). */
  failReads?: Iterable<string>;
  readErrorCode?: "io" | "not_found";
  /**
   * Called before each write with its 1-based number, before any byte reaches the inner driver.
   * The engine's crash tests SIGKILL the process here at a seeded write number.
   */
  beforeWrite?: (write: { n: number; key: string }) => void | Promise<void>;
}

/**
 * Wraps a driver to inject the failures the layers above must survive, one at a time, with no
 * real disk to fill. `writes` counts write() calls started, including failed ones.
 */
export function createFaultDriver(
  inner: StorageDriver,
  faults: StorageFaults,
): StorageDriver & { readonly writes: number } {
  const failReads = new Set(faults.failReads ?? []);
  let writes = 0;
  let bytesWritten = 0;

  function checkRead(key: string): void {
    if (!failReads.has(key)) return;
    throw new StorageError(faults.readErrorCode ?? "io", `injected read failure for ${key}`);
  }

  /** Counts one write's bytes against the room left; they are only kept if the write succeeds. */
  function meter(key: string) {
    const tally = { bytes: 0 };
    const add = (bytes: number) => {
      const limit = faults.noSpaceAfterBytes;
      if (limit !== undefined && bytesWritten + tally.bytes + bytes > limit) {
        throw new StorageError("no_space", `injected: device full writing ${key}`);
      }
      tally.bytes += bytes;
    };
    async function* through(data: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
      for await (const chunk of data) {
        add(chunk.byteLength);
        yield chunk;
      }
    }
    return { tally, add, through };
  }

  /** Counts a write (a streamed one by its prefix: its key comes at the end) and injects faults. */
  async function startWrite(label: string) {
    writes += 1;
    await faults.beforeWrite?.({ n: writes, key: label });
    if (faults.noSpaceFromWrite !== undefined && writes >= faults.noSpaceFromWrite) {
      throw new StorageError("no_space", `injected: device full writing ${label}`);
    }
    return meter(label);
  }

  return {
    get writes() {
      return writes;
    },
    // async, so an injected failure is a rejected promise like a real one, never a sync throw.
    async read(key) {
      checkRead(key);
      return inner.read(key);
    },
    async readRange(key, offset, length) {
      checkRead(key);
      return inner.readRange(key, offset, length);
    },
    async write(key, data) {
      const metered = await startWrite(key);
      if (Buffer.isBuffer(data)) metered.add(data.byteLength);
      await inner.write(key, Buffer.isBuffer(data) ? data : metered.through(data));
      bytesWritten += metered.tally.bytes;
    },
    ...(inner.readRangeInto
      ? {
          async readRangeInto(key: string, offset: number, into: Uint8Array) {
            checkRead(key);
            return inner.readRangeInto!(key, offset, into);
          },
        }
      : {}),
    // Only when the inner driver streams too, so callers take the same path as without faults.
    ...(inner.writeNamedAtEnd
      ? {
          async writeNamedAtEnd(prefix: string, data: AsyncIterable<Buffer>, keyAtEnd: () => string) {
            const metered = await startWrite(prefix);
            const key = await inner.writeNamedAtEnd!(prefix, metered.through(data), keyAtEnd);
            bytesWritten += metered.tally.bytes;
            return key;
          },
        }
      : {}),
    list: (prefix) => inner.list(prefix),
    stat: (key) => inner.stat(key),
    delete: (key) => inner.delete(key),
    statfs: () => inner.statfs(),
    sweepTemp: (olderThanMs) => inner.sweepTemp(olderThanMs),
  };
}
