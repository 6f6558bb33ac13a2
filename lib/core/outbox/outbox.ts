import { StorageError, type StorageDriver } from "../storage/driver";
import { createEntryIdSource, isEntryId } from "./outbox-names";
import { CorruptOutboxItemError } from "./permanent-error";

/**
 * A durable queue on the daemon's own disk: one JSON file per item under `pending/`, written
 * crash-safely by the storage driver (temp, fsync, rename, fsync directory). An item is either
 * absent or complete, never half-written, and it stays until it is acknowledged (delivered) or
 * parked in `dead/` (undeliverable). Delivery is at-least-once; the receiver makes it
 * exactly-once with the item's idempotency key.
 */
export interface Outbox<T> {
  /** Resolves with the entry id only once the item would survive a crash or power loss. */
  append(item: T): Promise<string>;
  /**
   * Entry ids waiting for delivery, oldest first. Items are read one at a time with read(), so a
   * backlog from a long database outage is never loaded into memory at once.
   */
  pending(): Promise<string[]>;
  /** Throws CorruptOutboxItemError for a file that does not parse, StorageError "not_found" if gone. */
  read(id: string): Promise<T>;
  /** Deletes a delivered item (durably). Acknowledging an absent item is not an error. */
  acknowledge(id: string): Promise<void>;
  /** Moves an undeliverable item to `dead/<id>.json` with the reason, for an operator to look at. */
  park(id: string, reason: string): Promise<void>;
  /** Ids of parked items, oldest first. */
  dead(): Promise<string[]>;
  readDead(id: string): Promise<DeadItem<T>>;
  /** Items pending, as of the last listing plus appends and removals since (for /metrics). */
  readonly depth: number;
  readonly deadCount: number;
}

export interface DeadItem<T> {
  reason: string;
  parkedAt: string;
  /** The item as appended, or the file's raw text when it did not parse. */
  item: T | string;
}

interface Envelope<T> {
  v: 1;
  appendedAt: string;
  item: T;
}

const PENDING = "pending/";
const DEAD = "dead/";
/** Temp files older than this are leftovers of a crashed append, never of a live one. */
const STALE_TEMP_MS = 60_000;

export interface OpenOutboxOptions {
  /** Where the files live: a local driver on the daemon's disk (see openStateDirectory). */
  driver: StorageDriver;
  now?: () => Date;
}

export async function openOutbox<T>({ driver, now = () => new Date() }: OpenOutboxOptions): Promise<Outbox<T>> {
  const ids = createEntryIdSource(now);
  const listIds = async (prefix: string) => {
    const found: string[] = [];
    for await (const key of driver.list(prefix)) {
      const id = key.slice(prefix.length).replace(/\.json$/, "");
      if (isEntryId(id)) found.push(id);
    }
    return found.sort();
  };
  const keyOf = (prefix: string, id: string) => {
    if (!isEntryId(id)) throw new StorageError("invalid_key", `not an outbox entry id: ${JSON.stringify(id.slice(0, 80))}`);
    return `${prefix}${id}.json`;
  };

  await driver.sweepTemp(STALE_TEMP_MS);
  const initial = await listIds(PENDING);
  const parked = await listIds(DEAD);
  for (const id of [...initial, ...parked]) ids.observe(id);
  let depth = initial.length;
  let deadCount = parked.length;

  const outbox: Outbox<T> = {
    async append(item) {
      const id = ids.next();
      const envelope: Envelope<T> = { v: 1, appendedAt: now().toISOString(), item };
      await driver.write(keyOf(PENDING, id), Buffer.from(JSON.stringify(envelope)));
      depth += 1;
      return id;
    },
    async pending() {
      const found = await listIds(PENDING);
      depth = found.length;
      return found;
    },
    async read(id) {
      const raw = await driver.read(keyOf(PENDING, id));
      return parseEnvelope<T>(id, raw).item;
    },
    async acknowledge(id) {
      await driver.delete(keyOf(PENDING, id));
      depth = Math.max(0, depth - 1);
    },
    async park(id, reason) {
      const raw = await driver.read(keyOf(PENDING, id));
      let item: T | string;
      try {
        item = parseEnvelope<T>(id, raw).item;
      } catch {
        item = raw.toString("utf8");
      }
      const dead: DeadItem<T> = { reason, parkedAt: now().toISOString(), item };
      // Dead copy first, then the delete: a crash in between leaves the item pending, and the
      // next pass parks it again (overwriting the same dead file), so nothing is lost.
      await driver.write(keyOf(DEAD, id), Buffer.from(JSON.stringify(dead)));
      await driver.delete(keyOf(PENDING, id));
      depth = Math.max(0, depth - 1);
      deadCount += 1;
    },
    dead: () => listIds(DEAD),
    async readDead(id) {
      return JSON.parse((await driver.read(keyOf(DEAD, id))).toString("utf8")) as DeadItem<T>;
    },
    get depth() {
      return depth;
    },
    get deadCount() {
      return deadCount;
    },
  };
  return outbox;
}

function parseEnvelope<T>(id: string, raw: Buffer): Envelope<T> {
  try {
    const parsed = JSON.parse(raw.toString("utf8")) as Partial<Envelope<T>> | null;
    if (parsed?.v === 1 && "item" in parsed) return parsed as Envelope<T>;
  } catch (error) {
    throw new CorruptOutboxItemError(id, { cause: error });
  }
  throw new CorruptOutboxItemError(id);
}
