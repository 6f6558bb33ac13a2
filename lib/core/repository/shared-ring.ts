/**
 * A byte ring in shared memory that the main thread fills and the pack worker reads: blobs reach
 * the worker with one copy and no allocation (allocations of large buffers on the main thread are
 * what drives its garbage collector; measured 1.5-2 s of GC per GB before this ring). Regions are
 * handed out in order and freed in any order; space is reclaimed in order, as the oldest regions
 * are freed.
 */
export class SharedRing {
  readonly buffer: SharedArrayBuffer;
  readonly view: Buffer;
  private readonly regions: { offset: number; length: number; free: boolean }[] = [];
  private readonly live = new Map<number, { free: boolean }>();
  private head = 0;
  private tail = 0;

  constructor(readonly size: number) {
    this.buffer = new SharedArrayBuffer(size);
    this.view = Buffer.from(this.buffer);
  }

  /** Offset of a new region of `length` bytes, or -1 when there is no room now. */
  allocate(length: number): number {
    if (length > this.size || length === 0) return -1;
    if (this.regions.length === 0) this.head = this.tail = 0;
    let at = -1;
    if (this.regions.length === 0 || this.tail > this.head) {
      if (this.size - this.tail >= length) at = this.tail;
      else if (this.head > length) {
        // Pad the end and wrap: the padding is freed with the regions before it.
        this.regions.push({ offset: this.tail, length: this.size - this.tail, free: true });
        at = 0;
      }
    } else if (this.head - this.tail > length) {
      at = this.tail;
    }
    if (at < 0) return -1;
    const region = { offset: at, length, free: false };
    this.regions.push(region);
    this.live.set(at, region);
    this.tail = at + length;
    return at;
  }

  free(offset: number): void {
    const region = this.live.get(offset);
    if (!region) return;
    region.free = true;
    this.live.delete(offset);
    while (this.regions[0]?.free) {
      this.regions.shift();
      this.head = this.regions[0]?.offset ?? this.tail;
    }
  }
}
