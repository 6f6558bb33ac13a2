import { createHash } from "node:crypto";
import type { ProblemList } from "./check-report";
import type { RepositoryContext } from "./context";
import { isRepositoryError } from "./errors";
import { loadBlob } from "./load-blob";
import { packKey, snapshotKey } from "./object-keys";
import { decodeSnapshot } from "./snapshot-file";
import { listSnapshotIds } from "./snapshots";
import { decodeTree } from "./tree-codec";

/**
 * Reads every snapshot (its bytes must hash to its name and decrypt) and walks every tree once:
 * each tree must load and parse, each file's data blobs and each subtree must be in the index.
 * Returns the ids of all blobs reachable from snapshots that could be read (what prune keeps).
 */
export async function checkSnapshots(
  ctx: RepositoryContext,
  problems: ProblemList,
  progress: (done: number, total: number) => void,
): Promise<{ snapshots: number; used: Set<string> }> {
  const ids = await listSnapshotIds(ctx);
  const used = new Set<string>();
  const pending: string[] = [];
  for (const id of ids) {
    const key = snapshotKey(id);
    const bytes = await ctx.driver.read(key).catch(() => null);
    const snapshot = bytes && createHash("sha256").update(bytes).digest("hex") === id ? decodeSnapshot(ctx.master.encryptionKey, bytes) : null;
    if (!snapshot) {
      problems.add("snapshot_damaged", key, bytes ? "Snapshot does not hash to its name, decrypt or parse." : "Snapshot could not be read.");
      continue;
    }
    if (!used.has(snapshot.tree)) pending.push(snapshot.tree);
    used.add(snapshot.tree);
  }
  let done = 0;
  while (pending.length > 0) {
    progress(done++, done + pending.length);
    const id = pending.pop()!;
    const where = ctx.index.get(id);
    if (!where) {
      problems.add("blob_missing", `blob ${id}`, `Tree ${id} is referenced but in no index.`, id);
      continue;
    }
    let tree;
    try {
      tree = decodeTree(await loadBlob(ctx, id));
    } catch (error) {
      if (!isRepositoryError(error, "damaged")) throw error;
      problems.add("tree_damaged", packKey(where.pack), `Tree ${id}: ${error.message}`, id);
      continue;
    }
    if (typeof tree === "string") {
      problems.add("tree_damaged", packKey(where.pack), `Tree ${id} ${tree}.`, id);
      continue;
    }
    for (const node of tree.nodes) {
      for (const blob of node.content ?? []) {
        used.add(blob);
        if (!ctx.index.has(blob)) problems.add("blob_missing", `blob ${blob}`, `Data blob ${blob} of ${JSON.stringify(node.name)} is in no index.`, blob);
      }
      if (node.subtree && !used.has(node.subtree)) {
        used.add(node.subtree);
        pending.push(node.subtree);
      }
    }
  }
  return { snapshots: ids.length, used };
}
