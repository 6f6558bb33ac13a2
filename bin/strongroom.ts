import { runCli } from "../lib/client/cli/run-cli";

void runCli(process.argv.slice(2));
