import { randomBytes } from "node:crypto";
import { chmod, readFile, rename, stat, writeFile } from "node:fs/promises";

// Edits a Next-style env file (.env.local) one key at a time, leaving every other line (comments,
// blank lines, keys set by hand) exactly as it was.

function keyPattern(key: string): RegExp {
  return new RegExp(`^\\s*(?:export\\s+)?${key}\\s*=`);
}

/** The value a dotenv parser would see for `key`, or undefined when no line sets it. */
export function getEnvValue(text: string, key: string): string | undefined {
  let value: string | undefined;
  // dotenv lets the last assignment win, so keep scanning after a match.
  for (const line of text.split(/\r?\n/)) {
    if (!keyPattern(key).test(line)) continue;
    const raw = line.slice(line.indexOf("=") + 1).trim();
    const quoted = /^(["'`])(.*)\1$/.exec(raw);
    value = quoted ? quoted[2] : raw.replace(/\s+#.*$/, "");
  }
  return value;
}

/** Sets each key: rewrites the lines that assign it, or appends one line when none does. */
export function setEnvValues(text: string, values: Record<string, string>): string {
  const lines = text === "" ? [] : text.replace(/\r?\n$/, "").split(/\r?\n/);
  for (const [key, value] of Object.entries(values)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) throw new Error(`invalid env key "${key}"`);
    if (/[\r\n]/.test(value)) throw new Error(`value for ${key} must be one line`);
    let found = false;
    for (let i = 0; i < lines.length; i++) {
      if (keyPattern(key).test(lines[i] ?? "")) {
        lines[i] = `${key}=${value}`;
        found = true;
      }
    }
    if (!found) lines.push(`${key}=${value}`);
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

export async function readEnvFile(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw error;
  }
}

/**
 * Writes the keys into the file through a temp file and rename, so a crash never leaves a
 * half-written file. A new file is private (0600) because it holds AUTH_SECRET.
 */
export async function updateEnvFile(file: string, values: Record<string, string>): Promise<boolean> {
  const before = await readEnvFile(file);
  const after = setEnvValues(before, values);
  if (after === before) return false;
  const mode = await stat(file).then((s) => s.mode & 0o777, () => 0o600);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, after, { mode });
  await chmod(temp, mode);
  await rename(temp, file);
  return true;
}

export function randomSecret(): string {
  return randomBytes(32).toString("base64");
}
