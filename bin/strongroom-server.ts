import { runServer } from "../lib/server/daemon/run-server";

void runServer(process.argv.slice(2), process.env).then((code) => {
  if (code !== null) process.exitCode = code;
});
