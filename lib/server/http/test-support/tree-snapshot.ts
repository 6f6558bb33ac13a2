import fs from "node:fs/promises";
import path from "node:path";

/** Every file under `root` with size and mtime: compared before and after hostile requests. */
export async function treeSnapshot(root: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else {
        const st = await fs.lstat(full);
        out.push(`${path.relative(root, full)} ${st.size} ${st.mtimeMs}`);
      }
    }
  }
  await walk(root);
  return out.sort();
}
