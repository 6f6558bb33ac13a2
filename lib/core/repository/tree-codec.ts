import { RepositoryError } from "./errors";
import type { Tree, TreeNode } from "./types";

/**
 * Trees are canonical JSON ({"nodes":[...]}, keys in a fixed order, nodes sorted by the UTF-8
 * bytes of their names) so an unchanged directory encodes to the same bytes and deduplicates.
 * Names are checked on save and on load: a manifest can never name "..", "." or a path.
 */
const ORDER: (keyof TreeNode)[] = [
  "name", "type", "mode", "mtimeNs", "ctimeNs", "inode", "device", "size",
  "uid", "gid", "user", "group", "content", "subtree", "linkTarget",
];
const HEX64 = /^[0-9a-f]{64}$/;
const DECIMAL = /^-?[0-9]{1,30}$/;

export function isSafeName(name: unknown): name is string {
  return typeof name === "string" && name !== "" && name !== "." && name !== ".." && !name.includes("/") && !name.includes("\0");
}

export function encodeTree(tree: Tree): Buffer {
  const nodes = [...tree.nodes].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
  nodes.forEach((node, i) => {
    const problem = nodeProblem(node);
    if (problem) throw new RepositoryError("invalid_argument", `Tree node ${JSON.stringify(node.name)}: ${problem}.`);
    if (i > 0 && nodes[i - 1]!.name === node.name) throw new RepositoryError("invalid_argument", `Duplicate tree entry ${JSON.stringify(node.name)}.`);
  });
  const canonical = nodes.map((node) => {
    const out: Record<string, unknown> = {};
    for (const k of ORDER) if (node[k] !== undefined) out[k] = node[k];
    for (const k of Object.keys(node).sort()) if (!(k in out) && (node as unknown as Record<string, unknown>)[k] !== undefined) out[k] = (node as unknown as Record<string, unknown>)[k];
    return out;
  });
  return Buffer.from(JSON.stringify({ nodes: canonical }));
}

/** The tree, or a reason string when the bytes are not a valid tree. */
export function decodeTree(bytes: Buffer): Tree | string {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    return "is not JSON";
  }
  const nodes = (json as { nodes?: unknown }).nodes;
  if (!Array.isArray(nodes)) return "has no node list";
  const seen = new Set<string>();
  for (const node of nodes as TreeNode[]) {
    const problem = nodeProblem(node);
    if (problem) return `node ${JSON.stringify(node?.name)}: ${problem}`;
    if (seen.has(node.name)) return `duplicate entry ${JSON.stringify(node.name)}`;
    seen.add(node.name);
  }
  return { nodes: nodes as TreeNode[] };
}

function nodeProblem(node: TreeNode): string | null {
  if (typeof node !== "object" || node === null) return "not an object";
  if (!isSafeName(node.name)) return "unsafe name";
  if (!Number.isInteger(node.mode) || node.mode < 0 || node.mode > 0o7777) return "bad mode";
  if (typeof node.mtimeNs !== "string" || !DECIMAL.test(node.mtimeNs)) return "bad mtimeNs";
  if (!Number.isSafeInteger(node.size) || node.size < 0) return "bad size";
  if (node.type === "file") {
    if (!Array.isArray(node.content) || !node.content.every((id) => typeof id === "string" && HEX64.test(id))) return "bad content";
  } else if (node.type === "dir") {
    if (typeof node.subtree !== "string" || !HEX64.test(node.subtree)) return "bad subtree";
  } else if (node.type === "symlink") {
    if (typeof node.linkTarget !== "string" || node.linkTarget.includes("\0")) return "bad linkTarget";
  } else {
    return "unknown type";
  }
  return null;
}
