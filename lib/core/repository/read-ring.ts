import { SharedRing } from "./shared-ring";

/**
 * The restore's pack reads land in one ring of shared memory that the decode worker reads in
 * place: no buffer per read (each was 1-8 MiB of fresh pages to fault in, and external memory that
 * drove the main isolate's collector), and the ring's size bounds the bytes read and not yet
 * decoded over every file being restored. take() waits, first come first served, until a region
 * fits; give() returns it.
 */
export class ReadRing {
  private readonly ring: SharedRing;
  private readonly waiters: { length: number; resolve: (at: number) => void }[] = [];

  constructor(size: number) {
    this.ring = new SharedRing(size);
  }

  get buffer(): SharedArrayBuffer {
    return this.ring.buffer;
  }

  /** A view of a region handed out by take(). */
  view(at: number, length: number): Buffer {
    return this.ring.view.subarray(at, at + length);
  }

  /** Reads this long go through the ring; longer ones (or empty ones) get their own buffer. */
  fits(length: number): boolean {
    return length > 0 && length <= this.ring.size / 2;
  }

  take(length: number): Promise<number> {
    if (this.waiters.length === 0) {
      const at = this.ring.allocate(length);
      if (at >= 0) return Promise.resolve(at);
    }
    return new Promise((resolve) => this.waiters.push({ length, resolve }));
  }

  give(at: number): void {
    this.ring.free(at);
    while (this.waiters.length > 0) {
      const at = this.ring.allocate(this.waiters[0]!.length);
      if (at < 0) return;
      this.waiters.shift()!.resolve(at);
    }
  }
}
