import { resetAccountPassword } from "../reset-account-password";
import { resumeAccount, suspendAccount } from "../set-account-status";
import { setQuota } from "../set-account-quota";
import { defineCommand } from "./command";
import { formatSize } from "./format";
import { optionalString, parseOptions, requireSize, requireString } from "./parse-options";
import { readAccountPassword } from "./read-account-password";
import { reportChange } from "./report-change";

// reset-password, suspend, resume, set-quota: one account, one change, same reporting.

export const resetPasswordCommand = defineCommand({
  async parse(args, io) {
    const options = parseOptions(args, { login: { type: "string" }, "password-file": { type: "string" } });
    return { loginName: requireString(options, "login"), ...(await readAccountPassword(optionalString(options, "password-file"), io)) };
  },
  async run(ctx, { loginName, password, generated }) {
    const result = await resetAccountPassword(ctx.db, { loginName, password }, ctx.devices, { actor: ctx.actor });
    const code = reportChange(ctx.io, `${loginName}: password reset`, result);
    if (generated) ctx.io.stdout(`password: ${password}\n(shown once: give it to the customer now)`);
    return code;
  },
});

export const suspendCommand = defineCommand({
  parse(args) {
    const options = parseOptions(args, { login: { type: "string" }, reason: { type: "string" } });
    return { loginName: requireString(options, "login"), reason: optionalString(options, "reason") };
  },
  async run(ctx, { loginName, reason }) {
    const result = await suspendAccount(ctx.db, loginName, ctx.devices, { actor: ctx.actor, reason });
    return reportChange(ctx.io, `${loginName}: suspended`, result);
  },
});

export const resumeCommand = defineCommand({
  parse: (args) => requireString(parseOptions(args, { login: { type: "string" } }), "login"),
  async run(ctx, loginName) {
    const result = await resumeAccount(ctx.db, loginName, ctx.devices, { actor: ctx.actor });
    return reportChange(ctx.io, `${loginName}: active again`, result);
  },
});

export const setQuotaCommand = defineCommand({
  parse(args) {
    const options = parseOptions(args, { login: { type: "string" }, quota: { type: "string" } });
    return { loginName: requireString(options, "login"), quotaBytes: requireSize(options, "quota") };
  },
  async run(ctx, { loginName, quotaBytes }) {
    const result = await setQuota(ctx.db, { loginName, quotaBytes }, ctx.devices, { actor: ctx.actor });
    return reportChange(ctx.io, `${loginName}: quota ${formatSize(quotaBytes)}`, result);
  },
});
