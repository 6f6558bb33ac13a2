import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { isMutated, planMutation, revertMutation } from "./mutate-corpus";
import { planCorpus, type FileKind, type FileSpec } from "./plan-corpus";
import { buildVocabulary, type Vocabulary } from "./text-vocabulary";
import { writeCorpusFile } from "./write-corpus-file";

// Generates the corpus under <dataDir>/corpus-<seed>-<size> once and reuses it while its marker
// (the SHA-256 of the manifest, next to the corpus so it is not backed up) matches and every file
// has its manifest size. Bump GENERATOR_VERSION whenever a change to the generator changes bytes.

const GENERATOR_VERSION = 2;

export interface ManifestEntry {
  path: string;
  kind: FileKind;
  size: number;
  sha256: string;
}

export interface Corpus {
  seed: string;
  root: string;
  specs: FileSpec[];
  manifest: ManifestEntry[];
  vocabulary: Vocabulary;
  bytes: number;
  reused: boolean;
}

export function sizeLabel(bytes: number): string {
  return bytes % 1024 ** 3 === 0 ? `${bytes / 1024 ** 3}G` : `${Math.round(bytes / 1024 ** 2)}M`;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function readValidManifest(root: string, specs: FileSpec[]): ManifestEntry[] | undefined {
  const manifestPath = `${root}.manifest.json`;
  const markerPath = `${root}.complete`;
  if (!existsSync(manifestPath) || !existsSync(markerPath)) return undefined;
  const text = readFileSync(manifestPath, "utf8");
  if (readFileSync(markerPath, "utf8").trim() !== `v${GENERATOR_VERSION} ${sha256(text)}`) return undefined;
  const manifest = JSON.parse(text) as ManifestEntry[];
  if (manifest.length !== specs.length) return undefined;
  const same = manifest.every((entry, i) => {
    const spec = specs[i];
    if (!spec || spec.path !== entry.path || spec.size !== entry.size) return false;
    try {
      return statSync(join(root, entry.path)).size === entry.size;
    } catch {
      return false;
    }
  });
  return same ? manifest : undefined;
}

export function ensureCorpus(dataDir: string, seed: string, totalBytes: number, log: (line: string) => void): Corpus {
  const root = join(dataDir, `corpus-${seed}-${sizeLabel(totalBytes)}`);
  const specs = planCorpus(seed, totalBytes);
  const vocabulary = buildVocabulary(seed);
  if (isMutated(root)) {
    log(`corpus: reverting the 1% change left by an interrupted run`);
    revertMutation(seed, root, planMutation(seed, specs), vocabulary);
  }
  const bytes = specs.reduce((sum, s) => sum + s.size, 0);
  const existing = readValidManifest(root, specs);
  if (existing) return { seed, root, specs, manifest: existing, vocabulary, bytes, reused: true };

  log(`corpus: generating ${specs.length} files, ${(bytes / 1e6).toFixed(0)} MB in ${root}`);
  rmSync(root, { recursive: true, force: true });
  rmSync(`${root}.complete`, { force: true });
  const started = performance.now();
  const manifest = specs.map<ManifestEntry>((spec) => ({
    path: spec.path,
    kind: spec.kind,
    size: spec.size,
    sha256: writeCorpusFile(seed, root, spec, vocabulary),
  }));
  const text = JSON.stringify(manifest);
  writeFileSync(`${root}.manifest.json`, text);
  writeFileSync(`${root}.complete`, `v${GENERATOR_VERSION} ${sha256(text)}\n`);
  log(`corpus: generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { seed, root, specs, manifest, vocabulary, bytes, reused: false };
}
