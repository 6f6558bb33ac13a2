// Turns what a person types into searches over log entries that agree with each other: an InnoDB
// boolean-mode FULLTEXT query (for rare terms over long ranges) and one regular expression per term
// (for a bounded scan of the newest candidates). InnoDB splits text into words at anything but
// letters, digits and "_", ignores words shorter than innodb_ft_min_token_size (3) and its default
// stopwords, and reads + - < > ( ) ~ * " @ as operators. So every typed term becomes a required word
// (+word), a term with punctuation inside (Outlook.pst, C:\Users\ann) a required phrase of its words
// (+"outlook pst"); operators typed by the user are dropped, except a trailing * (prefix search).

const MIN_WORD = 3;
// INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD, the words of 3 letters or more.
const stopwords = new Set(["about", "are", "com", "for", "from", "how", "that", "the", "this", "was", "what", "when", "where", "who", "will", "with", "und", "www"]);

export interface SearchTerm {
  words: string[];
  /** The last word is a prefix (the user typed `word*`). */
  prefix: boolean;
}

/** The words InnoDB would index for a piece of text, lower-cased, short ones and stopwords dropped. */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => [...w].length >= MIN_WORD && !stopwords.has(w));
}

export function searchTerms(text: string): SearchTerm[] {
  return text
    .split(/\s+/)
    .map((term) => ({ words: searchWords(term), prefix: /[\p{L}\p{N}_]\*$/u.test(term) }))
    .filter((t) => t.words.length > 0)
    .map((t) => ({ words: t.words, prefix: t.prefix && t.words.length === 1 }));
}

/** The boolean-mode query for `text`, or null when no term has a searchable word. */
export function fulltextQuery(text: string): string | null {
  const parts = searchTerms(text).map((t) => (t.words.length === 1 ? `+${t.words[0]}${t.prefix ? "*" : ""}` : `+"${t.words.join(" ")}"`));
  return parts.length > 0 ? parts.join(" ") : null;
}

const wordChar = "[\\p{L}\\p{N}_]";

/** A PCRE pattern (MariaDB REGEXP, case-insensitive by collation) matching what the term's FULLTEXT part matches. */
export function termPattern(term: SearchTerm): string {
  const body = term.words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(`[^\\p{L}\\p{N}_]+`);
  return `(?<!${wordChar})${body}${term.prefix ? "" : `(?!${wordChar})`}`;
}

/** A short piece of `message` around the first searched word, for result lists. */
export function matchExcerpt(message: string, text: string, width = 140): string {
  const flat = message.replace(/\s+/g, " ");
  if (flat.length <= width) return flat;
  const lower = flat.toLowerCase();
  const positions = searchWords(text)
    .map((w) => lower.indexOf(w))
    .filter((i) => i >= 0);
  const at = positions.length > 0 ? Math.min(...positions) : 0;
  const start = Math.max(0, Math.min(at - Math.floor(width / 3), flat.length - width));
  return `${start > 0 ? "…" : ""}${flat.slice(start, start + width)}${start + width < flat.length ? "…" : ""}`;
}
