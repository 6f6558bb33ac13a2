// Turns what a person types into an InnoDB boolean-mode FULLTEXT query over log entries.
// InnoDB splits text into words at anything but letters, digits and "_", ignores words shorter than
// innodb_ft_min_token_size (3), and reads + - < > ( ) ~ * " @ as operators. So every typed term
// becomes a required word (+word), a term with punctuation inside (Outlook.pst, C:\Users\ann)
// becomes a required phrase of its words (+"outlook pst"), and operators typed by the user are
// dropped rather than interpreted, except a trailing * (prefix search).

const MIN_WORD = 3;

/** The words InnoDB would index for a term, lower-cased, too-short ones dropped. */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => [...w].length >= MIN_WORD);
}

/** The boolean-mode query for `text`, or null when no term has a searchable word. */
export function fulltextQuery(text: string): string | null {
  const parts: string[] = [];
  for (const term of text.split(/\s+/)) {
    const prefix = /^[^*]*[\p{L}\p{N}_]\*$/u.test(term);
    const words = searchWords(term);
    if (words.length === 0) continue;
    if (words.length === 1) parts.push(`+${words[0]}${prefix ? "*" : ""}`);
    else parts.push(`+"${words.join(" ")}"`);
  }
  return parts.length > 0 ? parts.join(" ") : null;
}

/** A short piece of `message` around the first searched word, for result lists. */
export function matchExcerpt(message: string, text: string, width = 140): string {
  const flat = message.replace(/\s+/g, " ");
  if (flat.length <= width) return flat;
  const lower = flat.toLowerCase();
  const at = Math.max(0, Math.min(...searchWords(text).map((w) => lower.indexOf(w.replace(/\*$/, ""))).filter((i) => i >= 0), flat.length));
  const start = Math.max(0, Math.min(at - Math.floor(width / 3), flat.length - width));
  return `${start > 0 ? "…" : ""}${flat.slice(start, start + width)}${start + width < flat.length ? "…" : ""}`;
}
