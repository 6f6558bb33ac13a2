import path from "node:path";

/**
 * Which entries of a directory to back up: everything ("all"), or only some names on the way
 * down to the source paths. `backup /home/u/docs /home/u/mail` stores the tree
 * home/u/{docs,mail} like restic, so restoring recreates the absolute layout under the target.
 */
export type Selection = { kind: "all" } | { kind: "only"; children: Map<string, Selection> };

/** Absolute, normalised, without paths already covered by another one, sorted. */
export function normaliseSourcePaths(paths: readonly string[], cwd: string): string[] {
  const absolute = [...new Set(paths.map((p) => path.resolve(cwd, p)))].sort();
  return absolute.filter((p) => !absolute.some((other) => other !== p && (other === "/" || p.startsWith(`${other}/`))));
}

export function selectionFor(sourcePaths: readonly string[]): Selection {
  const root: Selection = { kind: "only", children: new Map() };
  for (const source of sourcePaths) {
    const parts = source.split("/").filter((s) => s !== "");
    if (parts.length === 0) return { kind: "all" };
    addPath(root, parts);
  }
  return root;
}

function addPath(node: Selection, parts: string[]): void {
  const [head, ...rest] = parts;
  if (head === undefined || node.kind === "all") return;
  if (rest.length === 0) {
    node.children.set(head, { kind: "all" });
    return;
  }
  const child = node.children.get(head) ?? { kind: "only" as const, children: new Map<string, Selection>() };
  node.children.set(head, child);
  addPath(child, rest);
}
