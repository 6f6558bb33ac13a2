import { repositoryRoot } from "../account-paths";
import { createAccount } from "../create-account";
import { defineCommand } from "./command";
import { formatSize } from "./format";
import { optionalInterval, optionalString, parseOptions, requireSize, requireString } from "./parse-options";
import { readAccountPassword } from "./read-account-password";
import { reportChange } from "./report-change";

export const createAccountCommand = defineCommand({
  async parse(args, io) {
    const options = parseOptions(args, {
      login: { type: "string" },
      customer: { type: "string" },
      device: { type: "string" },
      quota: { type: "string" },
      interval: { type: "string" },
      "password-file": { type: "string" },
    });
    return {
      loginName: requireString(options, "login"),
      customer: requireString(options, "customer"),
      device: requireString(options, "device"),
      quotaBytes: requireSize(options, "quota"),
      expectedIntervalHours: optionalInterval(options, "interval"),
      ...(await readAccountPassword(optionalString(options, "password-file"), io)),
    };
  },

  async run(ctx, { loginName, customer: customerLogin, device: deviceName, quotaBytes, expectedIntervalHours, password, generated }) {
    const customer = await ctx.customerByLogin(customerLogin);
    const device = ctx.deviceByName(deviceName);
    const result = await createAccount(
      ctx.db,
      { loginName, password, resellerId: customer.resellerId, customerUserId: customer.userId, deviceId: device.id, quotaBytes, expectedIntervalHours },
      ctx.devices,
      { actor: ctx.actor },
    );
    const what = result.created ? "created" : "already existed with these settings; device directory and cache checked";
    const code = reportChange(ctx.io, `${loginName}: ${what} (account ${result.account.accountId}, quota ${formatSize(quotaBytes)})`, { ...result, changed: true });
    ctx.io.stdout(`repository: ${repositoryRoot(device.root, loginName)}`);
    // Printed even when the cache failed: the row exists, and this is the only time it is shown.
    if (generated) ctx.io.stdout(`password: ${password}\n(shown once: give it to the customer now)`);
    return code;
  },
});
