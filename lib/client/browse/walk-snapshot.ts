import type { Repository, TreeNode } from "../../core/repository";
import { ClientError } from "../util/client-error";

export interface WalkedNode {
  /** Path inside the snapshot, "/home/u/a.txt". */
  path: string;
  node: TreeNode;
}

/**
 * Yields the nodes of a snapshot tree in order, parents before children, starting below
 * `under` (a snapshot path; "/" for everything). The node at `under` itself is yielded first.
 */
export async function* walkSnapshot(repo: Repository, rootTree: string, under = "/"): AsyncGenerator<WalkedNode> {
  const wanted = under.split("/").filter((s) => s !== "" && s !== ".");
  let treeId = rootTree;
  let prefix = "";
  for (const [i, name] of wanted.entries()) {
    const node = (await repo.loadTree(treeId)).nodes.find((n) => n.name === name);
    if (!node) throw new ClientError("invalid_argument", `no ${"/" + wanted.slice(0, i + 1).join("/")} in this snapshot`);
    prefix = `${prefix}/${name}`;
    if (node.type !== "dir" || !node.subtree) {
      yield { path: prefix, node };
      return;
    }
    if (i === wanted.length - 1) yield { path: prefix, node };
    treeId = node.subtree;
  }
  yield* walkTree(repo, treeId, prefix);
}

async function* walkTree(repo: Repository, treeId: string, prefix: string): AsyncGenerator<WalkedNode> {
  for (const node of (await repo.loadTree(treeId)).nodes) {
    const path = `${prefix}/${node.name}`;
    yield { path, node };
    if (node.type === "dir" && node.subtree) yield* walkTree(repo, node.subtree, path);
  }
}
