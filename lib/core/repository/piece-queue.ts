import type { PackBlob } from "./pack-format";

/** What the pack worker says when a pack is complete: its name (SHA-256), size and blobs. */
export interface SealedPack {
  hash: string;
  size: number;
  blobs: PackBlob[];
}

/**
 * The pieces of one pack on their way to the device: pushed as the pack worker posts them,
 * pulled by the driver's streaming write, which consumes each piece before it pulls the next
 * (driver.ts). `afterEach` runs for a piece once the driver asked for the next one, i.e. once the
 * driver is done with it (the Packer then reuses its buffer). Ends when the worker sealed the
 * pack; fails (and the driver removes its temp file) when the save pipeline fails.
 */
export class PieceQueue {
  private readonly pieces: Buffer[] = [];
  private wake: (() => void) | null = null;
  private failure: { error: unknown } | null = null;
  sealed: SealedPack | null = null;

  push(piece: Buffer): void {
    this.pieces.push(piece);
    this.notify();
  }

  seal(pack: SealedPack): void {
    this.sealed = pack;
    this.notify();
  }

  fail(error: unknown): void {
    this.failure ??= { error };
    this.notify();
  }

  async *drain(afterEach: (piece: Buffer) => void): AsyncGenerator<Buffer> {
    for (;;) {
      if (this.failure) throw this.failure.error;
      const piece = this.pieces.shift();
      if (piece) {
        yield piece;
        afterEach(piece);
      } else if (this.sealed) {
        return;
      } else {
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
