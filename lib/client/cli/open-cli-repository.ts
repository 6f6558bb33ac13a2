import { isRepositoryError, openRepository, RepositoryError, type Repository, type RepositoryEvent } from "../../core/repository";
import type { CommandContext } from "./command-context";
import { openStorage, repositoryPath } from "./open-storage";
import { readPassphrase } from "./read-passphrase";
import { stringFlag } from "./parse-command-line";
import { remoteDriverFor, remoteTarget } from "./remote-repository";

export function passphraseFor(ctx: CommandContext): Promise<string> {
  return readPassphrase({
    file: stringFlag(ctx.line.values, "password-file"),
    env: ctx.env.password,
    envName: "STRONGROOM_PASSWORD",
    flagName: "--password-file",
    ...(ctx.deps.prompt ? { prompt: ctx.deps.prompt } : {}),
    question: "enter passphrase for repository: ",
  });
}

export interface RepositoryAccess {
  repoPath: string;
  passphrase: string;
}

/** Where and how to open: usage errors (no --repo, no passphrase) surface here, before any I/O. */
export async function resolveAccess(ctx: CommandContext): Promise<RepositoryAccess> {
  const repoPath = repositoryPath(ctx);
  const remote = remoteTarget(ctx);
  // The account password is a usage-level input too: read it before anything starts.
  if (remote) await remoteDriverFor(ctx, remote);
  return { repoPath, passphrase: await passphraseFor(ctx) };
}

/** Opens the repository named on the command line; errors are RepositoryError/ClientError. */
export async function openCliRepository(ctx: CommandContext, access?: RepositoryAccess, onEvent?: (event: RepositoryEvent) => void): Promise<Repository> {
  const { repoPath, passphrase } = access ?? (await resolveAccess(ctx));
  try {
    return await openRepository(await openStorage(ctx, repoPath), { passphrase, ...(onEvent ? { onEvent } : {}) });
  } catch (error) {
    // "No repository here" needs the path to be useful: a mistyped --repo is the usual cause.
    if (isRepositoryError(error, "not_a_repository")) throw new RepositoryError("not_a_repository", `${repoPath}: ${error.message}`, { cause: error, objects: error.objects });
    throw error;
  }
}
