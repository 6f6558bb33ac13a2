// Runs a TypeScript CLI entry from one prebuilt ES module instead of compiling its modules one by
// one through tsx at every start: tsx's loader and the per-file transforms cost 0.1-0.5 s per run
// and about 5 MiB, which is most of an incremental backup's time. The bundle is made by the
// esbuild that tsx already depends on (its install script is not needed: the binary comes from
// the @esbuild/<platform> package), on first use and again whenever a source file changed, into
// node_modules/.cache so bare imports (the native packages) still resolve from node_modules.
// Anything unexpected (no esbuild, read-only node_modules) returns null: the caller runs tsx.
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS script run by bin/strongroom before any loader */
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const { pathToFileURL } = require("node:url");

const ROOT = path.resolve(__dirname, "..");
const CACHE = path.join(ROOT, "node_modules", ".cache", "strongroom-cli");
/** Build directories no manifest points at any more are removed once this old (never one in use). */
const STALE_BUILD_MS = 24 * 3600 * 1000;

/**
 * The file URL of an up-to-date bundle of `entry` (relative to the repository root), building it
 * when missing or stale, or null. `workers` are the worker scripts the code starts with
 * `new URL("./name.mjs", import.meta.url)`: bundled as name.mjs next to the CLI, where that URL
 * points.
 */
function bundledCli(entry, workers) {
  if (process.env.STRONGROOM_NO_BUNDLE === "1") return null;
  const name = path.basename(entry).replace(/\.[cm]?tsx?$/, "");
  const manifestPath = path.join(CACHE, `${name}.json`);
  try {
    const manifest = readManifest(manifestPath);
    const file = manifest && isFresh(manifest) ? path.join(CACHE, manifest.build, `${name}.mjs`) : build(entry, workers, name, manifestPath);
    // Another user (a backup run as a service account) may be unable to read the owner's cache.
    fs.accessSync(file, fs.constants.R_OK);
    return pathToFileURL(file).href;
  } catch (error) {
    if (process.env.STRONGROOM_DEBUG_BUNDLE === "1") process.stderr.write(`bundled-cli: ${error && error.stack}\n`);
    return null;
  }
}

function readManifest(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** Same Node and esbuild, every input (sources, package.json, workers) with its size and mtime. */
function isFresh(manifest) {
  if (manifest.node !== process.version || manifest.esbuild !== esbuildVersion()) return false;
  if (!fs.existsSync(path.join(CACHE, manifest.build))) return false;
  for (const [file, stamp] of Object.entries(manifest.inputs)) {
    const stat = fs.statSync(path.join(ROOT, file), { throwIfNoEntry: false });
    if (!stat || stat.size !== stamp[0] || stat.mtimeMs !== stamp[1]) return false;
  }
  return true;
}

function esbuildVersion() {
  return require("esbuild/package.json").version;
}

/**
 * Bundles the entry and each worker (with what they import) into one directory named by the hash
 * of its contents, written under a temporary name and renamed (two processes building at once
 * produce the same directory; a half-written one never has the final name), then replaces the
 * manifest atomically.
 */
function build(entry, workers, name, manifestPath) {
  const esbuild = require("esbuild");
  fs.mkdirSync(CACHE, { recursive: true });
  const began = Date.now();
  const result = esbuild.buildSync({
    absWorkingDir: ROOT,
    entryPoints: [entry, ...workers],
    bundle: true,
    platform: "node",
    format: "esm",
    target: `node${process.versions.node}`,
    packages: "external",
    metafile: true,
    write: false,
    outdir: CACHE,
    entryNames: "[name]",
    outExtension: { ".js": ".mjs" },
    logLevel: "silent",
  });
  const inputs = Object.keys(result.metafile.inputs).map((file) => {
    const stat = fs.statSync(path.join(ROOT, file));
    return [file, [stat.size, stat.mtimeMs]];
  });
  const hash = crypto.createHash("sha256");
  for (const file of result.outputFiles) hash.update(path.basename(file.path)).update(file.contents);
  const buildName = hash.digest("hex").slice(0, 16);
  const finalDir = path.join(CACHE, buildName);
  if (!fs.existsSync(finalDir)) {
    const temp = fs.mkdtempSync(path.join(CACHE, "tmp-"));
    fs.chmodSync(temp, 0o755); // mkdtemp makes it private: other users run the same CLI
    for (const file of result.outputFiles) fs.writeFileSync(path.join(temp, path.basename(file.path)), file.contents);
    try {
      fs.renameSync(temp, finalDir);
    } catch (error) {
      fs.rmSync(temp, { recursive: true, force: true });
      if (!fs.existsSync(finalDir)) throw error;
    }
  }
  // An input saved during the build may or may not be in it: no manifest, so the next run builds.
  if (inputs.some(([, stamp]) => stamp[1] >= began - 1000)) return path.join(finalDir, `${name}.mjs`);
  const manifest = { node: process.version, esbuild: esbuildVersion(), build: buildName, inputs: Object.fromEntries(inputs) };
  const tempManifest = `${manifestPath}.${process.pid}.tmp`;
  fs.writeFileSync(tempManifest, JSON.stringify(manifest));
  fs.renameSync(tempManifest, manifestPath);
  removeStaleBuilds(buildName);
  return path.join(finalDir, `${name}.mjs`);
}

/**
 * Old builds may still be running (a long backup starting its workers): only builds no manifest
 * names and a day old go.
 */
function removeStaleBuilds(keep) {
  const now = Date.now();
  const entries = fs.readdirSync(CACHE, { withFileTypes: true });
  const named = new Set([keep]);
  for (const entry of entries) if (entry.isFile() && entry.name.endsWith(".json")) named.add(readManifest(path.join(CACHE, entry.name))?.build);
  for (const entry of entries) {
    if (!entry.isDirectory() || named.has(entry.name)) continue;
    const dir = path.join(CACHE, entry.name);
    const stat = fs.statSync(dir, { throwIfNoEntry: false });
    if (stat && now - stat.mtimeMs > STALE_BUILD_MS) fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { bundledCli };
