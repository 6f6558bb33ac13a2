import { CHUNK_READ_BYTES, type TreeNode } from "../../core/repository";
import { describeFsError } from "../util/errno";
import { throwIfInterrupted } from "../util/interrupted";
import { reportProgress, type BackupState } from "./backup-state";
import { isUnchanged } from "./node-from-stat";
import { openSource, readInto, SourceReadError } from "./read-source";

/**
 * Produces the node of one regular file: reuses the parent snapshot's content list when the
 * metadata says the file is unchanged and every blob is still indexed (a blob dropped from the
 * index, e.g. after damage, makes us read the file again), otherwise streams it through the
 * chunker. A file that cannot be read yields null and a warning entry.
 */
export async function saveFile(state: BackupState, path: string, node: TreeNode, previous: TreeNode | undefined): Promise<TreeNode | null> {
  const c = state.counters;
  const unchanged = isUnchanged(previous, node);
  if (unchanged && !state.force && previous.content.every((id) => state.repo.hasBlob(id))) {
    c.filesUnmodified += 1;
    c.bytesScanned += node.size;
    reportProgress(state);
    return { ...node, content: previous.content };
  }
  const content = { ids: [] as string[], size: 0 };
  try {
    await readContent(state, path, node.size, content);
    if (unchanged) c.filesUnmodified += 1;
    else if (previous) c.filesChanged += 1;
    else c.filesNew += 1;
    c.filesRead += 1;
    // The size is what we read, so the node always matches its content even if the file grew.
    return { ...node, size: content.size, content: content.ids };
  } catch (error) {
    if (!(error instanceof SourceReadError)) throw error;
    // The file is left out of the snapshot, so its bytes are not part of what was scanned.
    c.bytesScanned -= content.size;
    c.skipped += 1;
    state.activity.entry("warning", path, `not backed up: ${describeFsError(error.cause)}`);
    return null;
  }
}

/** Fills `content` as it goes, so a caller that catches a read error knows how far it got. */
async function readContent(state: BackupState, path: string, size: number, content: { ids: string[]; size: number }): Promise<void> {
  // Longer than one read, a file fills its 3 MiB work buffer: only a few of those at once.
  const releaseLarge = size > CHUNK_READ_BYTES ? await state.largeReaders.acquire() : null;
  try {
    const handle = await openSource(path);
    try {
      state.current = path;
      for await (const { data: chunk, id } of state.repo.hashedChunks(readInto(handle, path))) {
        throwIfInterrupted(state.signal);
        const saved = await state.repo.saveBlob("data", chunk, id);
        content.ids.push(id);
        content.size += chunk.length;
        state.counters.bytesRead += chunk.length;
        state.counters.bytesScanned += chunk.length;
        if (saved.isNew) state.counters.bytesNew += chunk.length;
        reportProgress(state);
      }
    } finally {
      await handle.close().catch(() => undefined);
    }
  } finally {
    releaseLarge?.();
  }
}
