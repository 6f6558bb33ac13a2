import type { RepositoryContext } from "./context";
import { RepositoryError } from "./errors";
import { snapshotKey } from "./object-keys";
import { decodeSnapshot, encodeSnapshot } from "./snapshot-file";
import { isNotFound, toRepositoryError } from "./storage-error";
import type { Snapshot, SnapshotEntry } from "./types";

/** Flushes the data first: a snapshot file is written only after its packs and index. */
export async function saveSnapshot(ctx: RepositoryContext, snapshot: Snapshot): Promise<string> {
  await ctx.packer.flush();
  const { id, bytes } = encodeSnapshot(ctx.master.encryptionKey, snapshot);
  const key = snapshotKey(id);
  await ctx.driver.write(key, bytes).catch((error: unknown) => Promise.reject(toRepositoryError(error, key)));
  return id;
}

export async function listSnapshotIds(ctx: RepositoryContext): Promise<string[]> {
  const ids: string[] = [];
  for await (const key of ctx.driver.list("snapshots/")) {
    const id = key.slice("snapshots/".length);
    if (/^[0-9a-f]{64}$/.test(id)) ids.push(id);
  }
  return ids;
}

/** Reads one snapshot; "not_found" when absent, "damaged" when unreadable. */
export async function readSnapshot(ctx: RepositoryContext, id: string): Promise<SnapshotEntry> {
  const key = snapshotKey(id);
  let bytes: Buffer;
  try {
    bytes = await ctx.driver.read(key);
  } catch (error) {
    if (isNotFound(error)) throw new RepositoryError("not_found", `No snapshot ${id}.`, { objects: [key] });
    throw toRepositoryError(error, key);
  }
  const snapshot = decodeSnapshot(ctx.master.encryptionKey, bytes);
  if (!snapshot) throw new RepositoryError("damaged", `Snapshot ${key} does not decrypt or parse.`, { objects: [key] });
  return { ...snapshot, id };
}

/** Oldest first; unreadable snapshot files are left out (check names them). */
export async function listSnapshots(ctx: RepositoryContext): Promise<SnapshotEntry[]> {
  const ids = await listSnapshotIds(ctx);
  const entries: SnapshotEntry[] = [];
  for (let i = 0; i < ids.length; i += 16) {
    const batch = await Promise.allSettled(ids.slice(i, i + 16).map((id) => readSnapshot(ctx, id)));
    for (const r of batch) if (r.status === "fulfilled") entries.push(r.value);
  }
  return entries.sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || (a.id < b.id ? -1 : 1));
}

/** A full id, a unique prefix of at least 4 hex characters, or "latest". */
export async function loadSnapshot(ctx: RepositoryContext, ref: string): Promise<SnapshotEntry> {
  if (ref === "latest") {
    const all = await listSnapshots(ctx);
    const last = all.at(-1);
    if (!last) throw new RepositoryError("not_found", "The repository has no snapshots.");
    return last;
  }
  if (!/^[0-9a-f]{4,64}$/.test(ref)) throw new RepositoryError("invalid_argument", `Not a snapshot id: ${JSON.stringify(ref)}.`);
  if (ref.length === 64) return readSnapshot(ctx, ref);
  const matches = (await listSnapshotIds(ctx)).filter((id) => id.startsWith(ref));
  if (matches.length > 1) throw new RepositoryError("invalid_argument", `Snapshot prefix ${ref} is ambiguous.`);
  if (!matches[0]) throw new RepositoryError("not_found", `No snapshot ${ref}.`);
  return readSnapshot(ctx, matches[0]);
}

/** Removes a snapshot file (its data stays until prune). The caller holds a lock. */
export async function deleteSnapshot(ctx: RepositoryContext, id: string): Promise<void> {
  const key = snapshotKey(id);
  if (!/^[0-9a-f]{64}$/.test(id) || !(await ctx.driver.stat(key))) throw new RepositoryError("not_found", `No snapshot ${id}.`);
  await ctx.driver.delete(key).catch((error: unknown) => Promise.reject(toRepositoryError(error, key)));
}
