import { walkSnapshot } from "../../browse/walk-snapshot";
import type { CommandContext } from "../command-context";
import { formatMode, formatTime } from "../format";
import { withRepository } from "../with-repository";

/** Like `restic ls`: every path below PATH (default: everything), parents first. */
export async function lsCommand(ctx: CommandContext): Promise<number> {
  const [ref, under] = ctx.line.positionals as [string, string | undefined];
  const long = ctx.line.values.long === true;
  await withRepository(ctx, async (repo) => {
    const snapshot = await repo.loadSnapshot(ref);
    ctx.output.print(`snapshot ${snapshot.id.slice(0, 8)} of [${snapshot.paths.join(" ")}] at ${formatTime(snapshot.time)}:`);
    ctx.output.object({ message_type: "snapshot", id: snapshot.id, short_id: snapshot.id.slice(0, 8), time: snapshot.time, hostname: snapshot.hostname, paths: snapshot.paths });
    for await (const { path, node } of walkSnapshot(repo, snapshot.tree, under ?? "/")) {
      const mtime = new Date(Number(BigInt(node.mtimeNs) / 1_000_000n)).toISOString();
      if (ctx.output.json) {
        ctx.output.object({ message_type: "node", path, name: node.name, type: node.type, mode: node.mode, size: node.size, mtime, ...(node.linkTarget !== undefined ? { link_target: node.linkTarget } : {}) });
      } else if (long) {
        const link = node.type === "symlink" ? ` -> ${node.linkTarget ?? ""}` : "";
        ctx.output.print(`${formatMode(node.type, node.mode)} ${String(node.size).padStart(12)} ${formatTime(mtime)} ${path}${link}`);
      } else {
        ctx.output.print(path);
      }
    }
  });
  return 0;
}
