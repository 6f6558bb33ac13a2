import fs from "node:fs/promises";
import { generateAccountPassword } from "../account-password";
import { CliError, type AdminIo } from "./admin-io";

/**
 * The new password: from a file (never the command line, where `ps` and shell history would show
 * it), else the environment, else generated. `generated` tells the caller to print it, once.
 */
export async function readAccountPassword(passwordFile: string | undefined, io: AdminIo): Promise<{ password: string; generated: boolean }> {
  if (passwordFile !== undefined) {
    const text = await fs.readFile(passwordFile, "utf8").catch((err: NodeJS.ErrnoException) => {
      throw new CliError(`cannot read the password file ${passwordFile}: ${err.code ?? err.message}`);
    });
    // Editors and `echo` add a final newline that is not part of the password.
    return { password: text.replace(/\r?\n$/, ""), generated: false };
  }
  const fromEnv = io.env.STRONGROOM_ACCOUNT_PASSWORD;
  if (fromEnv) return { password: fromEnv, generated: false };
  return { password: generateAccountPassword(), generated: true };
}
