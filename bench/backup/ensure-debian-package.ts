import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

// Installs a Debian package when the file it provides is missing (restic, GNU time). Needs root;
// otherwise says what to run and carries on without it.

let updated = false;

export function ensureDebianPackage(pkg: string, provides: string, log: (line: string) => void): boolean {
  if (existsSync(provides)) return true;
  log(`${provides} is missing: apt-get install -y ${pkg}`);
  if (!updated) {
    spawnSync("apt-get", ["update"], { stdio: ["ignore", "ignore", "inherit"] });
    updated = true;
  }
  const result = spawnSync("apt-get", ["install", "-y", pkg], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0 || !existsSync(provides)) {
    log(`could not install ${pkg}: run "apt-get install -y ${pkg}" as root`);
    return false;
  }
  return true;
}
