import type { AdminContext } from "./admin-context";
import type { AdminIo } from "./admin-io";

/**
 * A command in two steps: `parse` checks the arguments (and reads a password file) before the
 * database is opened, so a typo is reported as itself, not as a connection problem; `run` does it.
 */
export interface AdminCommand<T> {
  parse(args: string[], io: AdminIo): T | Promise<T>;
  run(ctx: AdminContext, parsed: T): Promise<number>;
}

export function defineCommand<T>(command: AdminCommand<T>): AdminCommand<unknown> {
  return command as AdminCommand<unknown>;
}
