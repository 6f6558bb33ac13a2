// load-env first: lib/env reads process.env when it is first imported.
import "./load-env";
import { runAdminCli } from "../lib/server/accounts/admin-cli/run-admin-cli";

void runAdminCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
