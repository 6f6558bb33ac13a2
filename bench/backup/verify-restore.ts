import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import type { ManifestEntry } from "./ensure-corpus";
import { hashFile } from "./hash-file";

// Checks that a restore is byte-identical to the corpus state that was backed up: same set of
// files, same sizes, same SHA-256. Tools place the tree differently (restic under the absolute
// source path, others under its base name or directly), so the restored root is looked up first.

export interface Verdict {
  ok: boolean;
  root: string;
  problems: string[];
}

export function findRestoredRoot(target: string, source: string, sample: string): string | undefined {
  return [join(target, source), join(target, basename(source)), target].find((root) => existsSync(join(root, sample)));
}

function listFiles(root: string, dir = root, found = new Map<string, number>()): Map<string, number> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(root, path, found);
    else found.set(relative(root, path), entry.isFile() ? statSync(path).size : -1);
  }
  return found;
}

export function verifyRestore(target: string, source: string, expected: ManifestEntry[]): Verdict {
  const root = findRestoredRoot(target, source, expected[0]?.path ?? "");
  if (!root) return { ok: false, root: target, problems: [`no restored tree found under ${target}`] };
  const problems: string[] = [];
  const found = listFiles(root);
  for (const entry of expected) {
    const size = found.get(entry.path);
    found.delete(entry.path);
    if (size === undefined) problems.push(`missing: ${entry.path}`);
    else if (size !== entry.size) problems.push(`size ${size} != ${entry.size}: ${entry.path}`);
    else if (hashFile(join(root, entry.path)) !== entry.sha256) problems.push(`content differs: ${entry.path}`);
  }
  for (const extra of found.keys()) problems.push(`unexpected: ${extra}`);
  return { ok: problems.length === 0, root, problems };
}
