import fs from "node:fs/promises";
import path from "node:path";
import { cliEnv } from "./spawn-cli";
import { tempDir } from "./temp-dir";
import { initTestRepository } from "./test-repository";

export interface CliWorkspace {
  root: string;
  /** An initialised (small-chunk) repository. */
  repo: string;
  /** An empty source directory for the test to fill. */
  src: string;
  /** Environment for the CLI: repository and passphrase. */
  env: Record<string, string>;
}

/** A temp directory with a fresh repository and an empty source tree, as most CLI suites need. */
export async function createCliWorkspace(label: string): Promise<CliWorkspace> {
  const root = await tempDir(label);
  const repo = path.join(root, "repo");
  const src = path.join(root, "src");
  await fs.mkdir(repo);
  await fs.mkdir(src);
  await initTestRepository(repo);
  return { root, repo, src, env: cliEnv(repo) };
}
