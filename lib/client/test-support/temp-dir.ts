import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

const created: string[] = [];

// Registered while the test file is collected (this module is imported then), so it runs after
// the file's last test; a hook registered inside beforeAll would never run.
afterAll(async () => {
  for (const dir of created.splice(0)) {
    await makeWritable(dir);
    await fs.rm(dir, { recursive: true, force: true });
  }
});

/** A fresh directory under the system temp dir, removed after the test file. */
export async function tempDir(label: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `strongroom-${label}-`));
  created.push(dir);
  return dir;
}

/** Read-only directories from restores would stop a non-root cleanup. */
async function makeWritable(dir: string): Promise<void> {
  const st = await fs.lstat(dir).catch(() => null);
  if (!st?.isDirectory()) return;
  await fs.chmod(dir, 0o700).catch(() => undefined);
  for (const name of await fs.readdir(dir).catch(() => [])) await makeWritable(path.join(dir, name));
}
