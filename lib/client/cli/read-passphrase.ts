import fs from "node:fs/promises";
import { ClientError } from "../util/client-error";

export interface PassphraseSources {
  file: string | undefined;
  env: string | undefined;
  envName: string;
  flagName: string;
  /** Asks on the terminal without echo; absent when stdin is not a TTY. */
  prompt?: (question: string) => Promise<string>;
  question: string;
}

/**
 * The passphrase from --password-file (first line, as restic), else the environment, else a
 * prompt. It is never echoed, logged or put into an error message.
 */
export async function readPassphrase(sources: PassphraseSources): Promise<string> {
  if (sources.file !== undefined) {
    let text: string;
    try {
      text = await fs.readFile(sources.file, "utf8");
    } catch (error) {
      const code = (error as { code?: string }).code ?? "error";
      throw new ClientError("no_passphrase", `cannot read ${sources.flagName} ${sources.file} (${code})`);
    }
    const first = text.split(/\r?\n/)[0] ?? "";
    if (first === "") throw new ClientError("no_passphrase", `${sources.flagName} ${sources.file} is empty`);
    return first;
  }
  if (sources.env !== undefined && sources.env !== "") return sources.env;
  if (sources.prompt) return sources.prompt(sources.question);
  throw new ClientError("no_passphrase", `no passphrase: set ${sources.envName} or use ${sources.flagName} FILE`);
}

/** Reads a line from a TTY with echo off (raw mode), for interactive use. */
export function promptHidden(input: NodeJS.ReadStream, output: NodeJS.WriteStream): (question: string) => Promise<string> {
  return (question) =>
    new Promise((resolve, reject) => {
      output.write(question);
      let answer = "";
      input.setRawMode(true);
      input.resume();
      input.setEncoding("utf8");
      const done = (error?: Error) => {
        input.setRawMode(false);
        input.pause();
        input.off("data", onData);
        output.write("\n");
        if (error) reject(error);
        else resolve(answer);
      };
      const onData = (text: string) => {
        for (const c of text) {
          if (c === "\r" || c === "\n") return done();
          if (c === "\u0003") return done(new ClientError("no_passphrase", "cancelled"));
          if (c === "\u007f") answer = answer.slice(0, -1);
          else answer += c;
        }
      };
      input.on("data", onData);
    });
}
