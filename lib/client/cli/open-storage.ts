import fs from "node:fs/promises";
import path from "node:path";
import { createFaultDriver } from "../../core/storage/fault-driver";
import { createLocalDriver } from "../../core/storage/local-driver";
import type { StorageDriver } from "../../core/storage/driver";
import { ClientError } from "../util/client-error";
import type { CommandContext } from "./command-context";
import { stringFlag } from "./parse-command-line";
import { remoteDriverFor, remoteTarget } from "./remote-repository";

/** --repo, else STRONGROOM_REPO, resolved against the working directory; for --server, a label. */
export function repositoryPath(ctx: CommandContext): string {
  const remote = remoteTarget(ctx);
  if (remote) return `${remote.account}@${remote.url}`;
  const given = stringFlag(ctx.line.values, "repo") ?? ctx.env.repo;
  if (given === undefined || given === "") throw new ClientError("no_repository_given", "no repository given: use --repo PATH or set STRONGROOM_REPO");
  return path.resolve(ctx.deps.cwd, given);
}

/**
 * The storage driver for the repository. With STRONGROOM_TEST_CRASH_AT_WRITE=N (test only) the
 * driver SIGKILLs this process just before the Nth write reaches the disk, which is how the fault
 * suite proves a backup killed at any write leaves a consistent repository.
 */
export async function openStorage(ctx: CommandContext, repoPath: string, options: { create?: boolean } = {}): Promise<StorageDriver> {
  const remote = remoteTarget(ctx);
  if (remote) {
    const driver = await remoteDriverFor(ctx, remote);
    await driver.connect();
    return driver;
  }
  const injected = ctx.deps.createDriver?.(repoPath);
  // `init` creates the directory, as restic does; the local driver never creates its root.
  if (!injected && options.create) await fs.mkdir(repoPath, { recursive: true, mode: 0o700 });
  const driver = injected ?? createLocalDriver(repoPath);
  const crashAt = ctx.env.crashAtWrite;
  if (crashAt === undefined) return driver;
  return createFaultDriver(driver, {
    beforeWrite: ({ n }) => {
      if (n === crashAt) process.kill(process.pid, "SIGKILL");
    },
  });
}
