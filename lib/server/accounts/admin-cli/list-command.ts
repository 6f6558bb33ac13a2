import { listAccounts } from "../list-accounts";
import { defineCommand } from "./command";
import { formatSize, formatTable } from "./format";
import { parseOptions } from "./parse-options";

export const listCommand = defineCommand({
  parse: (args) => ({ json: parseOptions(args, { json: { type: "boolean" } }).json === true }),
  async run(ctx, { json }) {
    const accounts = await listAccounts(ctx.db);
    if (json) {
      ctx.io.stdout(JSON.stringify(accounts, null, 2));
      return 0;
    }
    const rows = accounts.map((a) => [
      a.loginName,
      a.status,
      a.customerLogin,
      a.deviceName,
      `${formatSize(a.usedBytes)} / ${formatSize(a.quotaBytes)}`,
      a.expectedIntervalHours === null ? "-" : `${a.expectedIntervalHours}h`,
    ]);
    for (const line of formatTable(["LOGIN", "STATUS", "CUSTOMER", "DEVICE", "USED / QUOTA", "INTERVAL"], rows)) ctx.io.stdout(line);
    if (accounts.length === 0) ctx.io.stdout("(no backup accounts)");
    return 0;
  },
});
