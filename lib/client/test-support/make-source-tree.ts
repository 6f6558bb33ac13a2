import { createCipheriv } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/** Deterministic incompressible bytes (AES-CTR of zeros under a seed): fast and reproducible. */
export function seededBytes(size: number, seed: number): Buffer {
  const key = Buffer.alloc(16);
  key.writeUInt32BE(seed >>> 0, 0);
  const cipher = createCipheriv("aes-128-ctr", key, Buffer.alloc(16));
  return cipher.update(Buffer.alloc(size));
}

// Fixed, distinct past times (with milliseconds) so a restore that forgets them is caught.
const T1 = new Date("2001-02-03T04:05:06.789Z");
const T2 = new Date("2011-12-13T14:15:16.171Z");

export interface SourceTreeOptions {
  /** Size of the one large file (default 30 MiB, as the brief asks; fault tests use less). */
  bigFileBytes?: number;
  smallFiles?: number;
}

/**
 * A tree with everything a restore must get right: many small files, one large file, an empty
 * file, an empty directory, symlinks (relative, absolute, dangling), unicode names, unusual modes
 * (read-only file and directory, executable) and fixed mtimes on files and directories.
 */
export async function makeSourceTree(root: string, options: SourceTreeOptions = {}): Promise<void> {
  await fs.mkdir(path.join(root, "docs", "deep", "deeper"), { recursive: true });
  await fs.mkdir(path.join(root, "empty-dir"));
  await fs.mkdir(path.join(root, "ünïcödé 目录"));
  await fs.mkdir(path.join(root, "readonly-dir"));
  for (let i = 0; i < (options.smallFiles ?? 40); i += 1) {
    const dir = i % 3 === 0 ? "docs" : i % 3 === 1 ? "docs/deep" : "docs/deep/deeper";
    await fs.writeFile(path.join(root, dir, `file-${i}.txt`), `small file ${i}\n`.repeat(1 + (i % 50)));
  }
  await fs.writeFile(path.join(root, "big.bin"), seededBytes(options.bigFileBytes ?? 30 * 1024 * 1024, 7));
  await fs.writeFile(path.join(root, "empty.txt"), "");
  await fs.writeFile(path.join(root, "ünïcödé 目录", "naïve résumé ✓.txt"), "unicode content ✓\n");
  await fs.writeFile(path.join(root, "script.sh"), "#!/bin/sh\necho hi\n", { mode: 0o755 });
  await fs.chmod(path.join(root, "script.sh"), 0o755);
  await fs.writeFile(path.join(root, "readonly-dir", "secret.txt"), "read only\n");
  await fs.chmod(path.join(root, "readonly-dir", "secret.txt"), 0o400);
  await fs.symlink("docs/file-0.txt", path.join(root, "link-relative"));
  await fs.symlink("/etc/hostname", path.join(root, "link-absolute"));
  await fs.symlink("does/not/exist", path.join(root, "link-dangling"));
  await fs.symlink("../..", path.join(root, "docs", "link-up"));
  await fs.utimes(path.join(root, "big.bin"), T1, T1);
  await fs.utimes(path.join(root, "docs", "file-0.txt"), T2, T2);
  await fs.lutimes(path.join(root, "link-relative"), T2, T2);
  await fs.utimes(path.join(root, "docs", "deep"), T1, T1);
  await fs.utimes(path.join(root, "empty-dir"), T2, T2);
  await fs.chmod(path.join(root, "readonly-dir"), 0o555);
  await fs.utimes(path.join(root, "readonly-dir"), T1, T1);
}
