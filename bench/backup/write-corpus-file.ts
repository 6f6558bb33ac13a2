import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import type { FileSpec } from "./plan-corpus";
import { produceFileContent } from "./produce-file-content";
import type { Vocabulary } from "./text-vocabulary";

/** Writes one corpus file from scratch (truncating any old one) and returns its SHA-256. */
export function writeCorpusFile(seed: string, root: string, spec: FileSpec, vocabulary: Vocabulary): string {
  const file = join(root, spec.path);
  mkdirSync(dirname(file), { recursive: true });
  const hash = createHash("sha256");
  const fd = openSync(file, "w");
  try {
    for (const piece of produceFileContent(seed, spec, vocabulary)) {
      hash.update(piece);
      writeSync(fd, piece);
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest("hex");
}
