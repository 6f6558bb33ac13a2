import { ClientError } from "../util/client-error";

/**
 * A manifest is untrusted input: a repository written by another (or a hostile) client could name
 * a node "..", "/etc" or "a/b". The repository format refuses such names on load already; this is
 * the restore side's own guard, so a bug or a future format version can never make a restore
 * write outside its target. Link *targets* are data and are not checked here.
 */
export function assertSafeName(name: unknown, parentPath: string): asserts name is string {
  const ok = typeof name === "string" && name !== "" && name !== "." && name !== ".." && !name.includes("/") && !name.includes("\0");
  if (!ok) {
    throw new ClientError("unsafe_path", `refusing to restore: the snapshot names an entry ${JSON.stringify(name)} in ${parentPath || "/"}, which would escape the target`);
  }
}
