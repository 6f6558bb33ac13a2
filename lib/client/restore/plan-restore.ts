import { isRepositoryError, type Repository, type TreeNode } from "../../core/repository";
import { throwIfInterrupted } from "../util/interrupted";
import { assertSafeName } from "./safe-name";

export interface PlannedEntry {
  /** Path inside the snapshot, "/home/u/a.txt". */
  path: string;
  /** The same as safe components, for joining below the target. */
  parts: string[];
  node: TreeNode;
}

export interface RestorePlan {
  /** Parents before children. */
  entries: PlannedEntry[];
  files: number;
  bytes: number;
}

/**
 * Walks the snapshot's trees and lists what to restore. Every name is checked before anything is
 * written, so a hostile manifest is refused as a whole. `includes` are snapshot paths: an entry is
 * restored when it is an include or lies below one; the directories leading to it are created too.
 * A damaged subdirectory tree is reported through `onDamagedTree` and skipped, so the rest of the
 * snapshot still restores; a damaged root tree fails the restore.
 */
export async function planRestore(
  repo: Repository,
  rootTree: string,
  includes: readonly string[],
  onDamagedTree: (path: string, error: unknown) => void,
  signal?: AbortSignal,
): Promise<RestorePlan> {
  const wanted = includes.map(normaliseInclude);
  const plan: RestorePlan = { entries: [], files: 0, bytes: 0 };
  const walk = async (treeId: string, parts: string[], selected: boolean) => {
    throwIfInterrupted(signal);
    const tree = await repo.loadTree(treeId);
    for (const node of tree.nodes) {
      assertSafeName(node.name, `/${parts.join("/")}`);
      const childParts = [...parts, node.name];
      const path = `/${childParts.join("/")}`;
      const isSelected = selected || wanted.length === 0 || wanted.some((w) => w === path || path.startsWith(`${w}/`));
      const leadsToSelected = !isSelected && node.type === "dir" && wanted.some((w) => w.startsWith(`${path}/`));
      if (!isSelected && !leadsToSelected) continue;
      plan.entries.push({ path, parts: childParts, node });
      if (node.type === "file") {
        plan.files += 1;
        plan.bytes += node.size;
      }
      if (node.type === "dir" && node.subtree) {
        try {
          await walk(node.subtree, childParts, isSelected);
        } catch (error) {
          if (!isRepositoryError(error, "damaged")) throw error;
          onDamagedTree(path, error);
        }
      }
    }
  };
  await walk(rootTree, [], false);
  return plan;
}

function normaliseInclude(include: string): string {
  const parts = include.split("/").filter((s) => s !== "" && s !== ".");
  return `/${parts.join("/")}`;
}
