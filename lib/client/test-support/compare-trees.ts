import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";

export interface EntryFacts {
  type: "file" | "dir" | "symlink" | "other";
  mode: number;
  /** Microseconds: restore goes through libuv's double seconds, exact to about 0.25 µs. */
  mtimeUs: number;
  size: number;
  sha256?: string;
  linkTarget?: string;
}

/** Every entry below root (relative path -> facts), to compare a source with its restore. */
export async function describeTree(root: string, options: { skipDirMtimes?: boolean } = {}): Promise<Map<string, EntryFacts>> {
  const out = new Map<string, EntryFacts>();
  const walk = async (dir: string, rel: string) => {
    for (const name of (await fs.readdir(dir)).sort()) {
      const full = path.join(dir, name);
      const relPath = rel ? `${rel}/${name}` : name;
      const st = await fs.lstat(full, { bigint: true });
      const facts: EntryFacts = {
        type: st.isFile() ? "file" : st.isDirectory() ? "dir" : st.isSymbolicLink() ? "symlink" : "other",
        mode: Number(st.mode & 0o7777n),
        mtimeUs: Math.round(Number(st.mtimeNs / 1000n)),
        size: st.isFile() ? Number(st.size) : 0,
      };
      if (facts.type === "file") facts.sha256 = await hashFile(full);
      if (facts.type === "symlink") facts.linkTarget = await fs.readlink(full);
      if (facts.type === "dir" && options.skipDirMtimes) facts.mtimeUs = 0;
      out.set(relPath, facts);
      if (facts.type === "dir") await walk(full, relPath);
    }
  };
  await walk(root, "");
  return out;
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const piece of createReadStream(file)) hash.update(piece as Buffer);
  return hash.digest("hex");
}

/** Entries whose facts differ, with the mtime allowed 1 µs of rounding. */
export function treeDifferences(expected: Map<string, EntryFacts>, actual: Map<string, EntryFacts>): string[] {
  const problems: string[] = [];
  for (const [p, want] of expected) {
    const got = actual.get(p);
    if (!got) {
      problems.push(`missing ${p}`);
      continue;
    }
    const { mtimeUs: wantMtime, ...wantRest } = want;
    const { mtimeUs: gotMtime, ...gotRest } = got;
    if (JSON.stringify(wantRest) !== JSON.stringify(gotRest)) problems.push(`${p}: want ${JSON.stringify(wantRest)} got ${JSON.stringify(gotRest)}`);
    if (Math.abs(wantMtime - gotMtime) > 1) problems.push(`${p}: mtime want ${wantMtime} got ${gotMtime}`);
  }
  for (const p of actual.keys()) if (!expected.has(p)) problems.push(`unexpected ${p}`);
  return problems;
}
