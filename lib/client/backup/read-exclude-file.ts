import fs from "node:fs/promises";
import { ClientError } from "../util/client-error";

/** One pattern a line; blank lines and lines starting with "#" are ignored (as restic). */
export async function readExcludeFile(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    throw new ClientError("invalid_argument", `cannot read exclude file ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"));
}
