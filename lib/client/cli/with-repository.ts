import type { Repository } from "../../core/repository";
import type { CommandContext } from "./command-context";
import { openCliRepository } from "./open-cli-repository";

/** For commands that are not activities (snapshots, ls, forget, key): open, run, close. */
export async function withRepository<T>(ctx: CommandContext, body: (repo: Repository) => Promise<T>): Promise<T> {
  const repo = await openCliRepository(ctx);
  try {
    return await body(repo);
  } finally {
    await repo.close();
  }
}
