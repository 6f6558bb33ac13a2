import { initRepository, TEST_KDF } from "../../../core/repository";
import type { CommandContext } from "../command-context";
import { passphraseFor } from "../open-cli-repository";
import { openStorage, repositoryPath } from "../open-storage";

/** Creates the directory (as restic does) and a repository in it. */
export async function initCommand(ctx: CommandContext): Promise<number> {
  const repoPath = repositoryPath(ctx);
  const passphrase = await passphraseFor(ctx);
  const repo = await initRepository(await openStorage(ctx, repoPath, { create: true }), { passphrase, ...(ctx.env.fastKdf ? { kdf: TEST_KDF } : {}) });
  await repo.close();
  ctx.output.result(
    () => [`created strongroom repository ${repo.id.slice(0, 10)} at ${repoPath}`, "", "Losing the passphrase means losing the data in this repository: keep it safe."],
    () => ({ message_type: "initialized", id: repo.id, repository: repoPath }),
  );
  return 0;
}
