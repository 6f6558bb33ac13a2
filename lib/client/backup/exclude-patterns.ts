/**
 * restic-style exclude patterns, matched against the absolute path of each entry:
 * - a pattern starting with "/" is anchored at the root ("/home/u/cache"); any other pattern
 *   matches at any depth ("*.tmp", "node_modules", "build/out");
 * - "*" and "?" match within one path component, "[abc]" a character class, "**" any number of
 *   components (including none).
 * An excluded directory is not descended into, so matching the directory itself is enough.
 */
export type ExcludeMatcher = (absolutePath: string) => boolean;

export function createExcludeMatcher(patterns: readonly string[]): ExcludeMatcher {
  const compiled = patterns.map((p) => p.trim()).filter((p) => p !== "").map(compile);
  if (compiled.length === 0) return () => false;
  return (absolutePath) => {
    const parts = absolutePath.split("/").filter((s) => s !== "");
    return compiled.some((pattern) => pattern(parts));
  };
}

function compile(pattern: string): (parts: string[]) => boolean {
  const anchored = pattern.startsWith("/");
  const segments = pattern.split("/").filter((s) => s !== "");
  const matchers = segments.map((s) => (s === "**" ? "**" : segmentRegex(s)));
  const full = anchored ? matchers : ["**" as const, ...matchers];
  return (parts) => matchFrom(full, 0, parts, 0);
}

function matchFrom(pattern: (RegExp | "**")[], pi: number, parts: string[], si: number): boolean {
  if (pi === pattern.length) return si === parts.length;
  const head = pattern[pi];
  if (head === "**") {
    for (let skip = si; skip <= parts.length; skip += 1) {
      if (matchFrom(pattern, pi + 1, parts, skip)) return true;
    }
    return false;
  }
  const part = parts[si];
  return part !== undefined && head !== undefined && head.test(part) && matchFrom(pattern, pi + 1, parts, si + 1);
}

function segmentRegex(segment: string): RegExp {
  let source = "";
  for (let i = 0; i < segment.length; i += 1) {
    const c = segment[i] as string;
    if (c === "*") source += ".*";
    else if (c === "?") source += ".";
    else if (c === "[") {
      const close = segment.indexOf("]", i + 2);
      if (close === -1) {
        source += "\\[";
        continue;
      }
      let body = segment.slice(i + 1, close);
      if (body.startsWith("!")) body = `^${body.slice(1)}`;
      source += `[${body.replaceAll("\\", "\\\\")}]`;
      i = close;
    } else source += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, "su");
}
