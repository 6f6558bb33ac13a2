import { and, eq, inArray, like, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "../../../db/client";
import { activities, activityEntries, type Activity, type EntryLevel } from "../../../db/schema";
import { activitySummaryColumns } from "./activity-columns";
import type { ActivityKey } from "./activity-cursor";
import { activityOrder, afterKey } from "./activity-order";
import { fulltextQuery, searchTerms, termPattern } from "./fulltext-query";

// Text search over activities: q's words in the summary, or in one entry's message and path (at a level).
// Two plans that return the same rows. FULLTEXT finds rare words across millions of entries, but
// InnoDB builds its whole match set first, so a common word ("denied") costs seconds. A scan of the
// newest candidates with one REGEXP per term finds common words in the first few hundred runs.
// So: scan a bounded number of candidates in order, then let FULLTEXT find the rest.

export const activityRowColumns = { ...activitySummaryColumns, accountId: activities.accountId };
export type ActivityRow = Pick<Activity, keyof typeof activityRowColumns>;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const atLevel = (level: EntryLevel | undefined) => (level ? eq(activityEntries.level, level) : undefined);

function entryFulltext(q: string, level: EntryLevel | undefined): SQL {
  return and(sql`match(${activityEntries.message}, ${activityEntries.path}) against (${fulltextQuery(q) ?? ""} in boolean mode)`, atLevel(level))!;
}

/** The columns' text, joined by a space, contains every term of q as FULLTEXT would see it. */
function containsTerms(columns: SQL[], q: string): SQL[] {
  const text = columns.length === 1 ? columns[0]! : sql`concat_ws(' ', ${sql.join(columns, sql`, `)})`;
  // LIKE first: MariaDB's REGEXP with \p{L} classes costs ~0.4 ms a line, LIKE rejects most lines
  // for a fraction of that, and AND evaluates left to right. A word has no space, so it is in the
  // joined text exactly when it is in one column, and the LIKE needs no concatenation (a third
  // faster on the 50,000 lines of a long log, measured by bench:portal).
  return searchTerms(q).flatMap((t) => [...t.words.map((w) => or(...columns.map((c) => like(c, `%${escapeLike(w)}%`)))!), sql`${text} regexp ${termPattern(t)}`]);
}

/** An entry (of `level`) contains every term of q as FULLTEXT would see it; for scans within known activities. */
export function entryPatterns(q: string, level: EntryLevel | undefined): SQL {
  return and(atLevel(level), ...containsTerms([sql`${activityEntries.message}`, sql`${activityEntries.path}`], q))!;
}

/** For a select over activities: the id of its first entry (in log order) matching the text. */
export function firstEntryMatching(q: string, level: EntryLevel | undefined) {
  // The outer id is spelled out: in a select list drizzle leaves columns unqualified, and a bare
  // `id` here would be the entry's own.
  return sql<number | null>`(select ${activityEntries.id} from ${activityEntries} where ${activityEntries.activityId} = ${activities}.id and ${entryPatterns(q, level)} order by ${activityEntries.id} limit 1)`;
}

function textCondition(q: string, level: EntryLevel | undefined, plan: "scan" | "fulltext"): SQL {
  if (plan === "fulltext") {
    // The ids of matching activities from the two FULLTEXT indexes, as one set: an OR of the summary
    // and an IN would read every row of the range to test the summary (bench:portal: 8 s for a
    // rare word over a reseller's 30 days), the set is looked up by primary key.
    const inEntries = sql`select ${activityEntries.activityId} from ${activityEntries} where ${entryFulltext(q, level)}`;
    // A level asks about entries; the summary is no entry.
    const matching = level
      ? inEntries
      : sql`select ${activities.id} from ${activities} where match(${activities.summary}) against (${fulltextQuery(q) ?? ""} in boolean mode) union ${inEntries}`;
    return sql`${activities.id} in (select m.id from (${matching}) m)`;
  }
  const inEntries = sql`exists (select 1 from ${activityEntries} where ${activityEntries.activityId} = ${activities}.id and ${entryPatterns(q, level)})`;
  // Summaries are matched by word, like entries, so both plans agree (FULLTEXT sees words).
  return level ? inEntries : or(and(...containsTerms([sql`${activities.summary}`], q)), inEntries)!;
}

// Growing chunks: a common word fills a page from the first; a rare one stops scanning soon. Each
// stays under MariaDB's in_predicate_conversion_threshold (1,000): a longer IN list becomes a
// derived table and the plan reads every candidate's entries (measured: 1,500 ids took 1.8 s, 900 took 20 ms).
const SCAN_CHUNKS = [100, 400, 900, 900];
// Past those the scan goes on in chunks of the last size while the matches found so far say the
// page fills within this many candidates. FULLTEXT reads a row per match over every tenant and
// every date, so a word common in the log but thin among the newest runs costs seconds there
// (bench:portal: "Outlook", 76,000 entries, 9 s) and a few more chunks here.
const SCAN_BUDGET = 12_000;

/** The size of the next scan chunk, or null to hand the rest to FULLTEXT. */
function nextChunk(chunks: readonly number[], index: number, scanned: number, found: number, count: number): number | null {
  if (index < chunks.length) return chunks[index]!;
  const last = chunks.at(-1);
  if (last === undefined || found === 0) return null;
  return scanned * (count / found) <= SCAN_BUDGET ? last : null;
}

/**
 * Up to `count` activities matching `where` and the text, in list order after `key`. `where` holds
 * the scope and the other filters; the result is what one FULLTEXT query would return.
 */
export async function findTextMatches(
  db: Database,
  where: SQL | undefined,
  search: { q: string; level?: EntryLevel },
  order: { key?: ActivityKey; descending: boolean; count: number },
  scanChunks: readonly number[] = SCAN_CHUNKS,
): Promise<ActivityRow[]> {
  if (searchTerms(search.q).length === 0) return [];
  const found: ActivityRow[] = [];
  let key = order.key;
  let scanned = 0;
  for (let index = 0; ; index++) {
    const chunk = nextChunk(scanChunks, index, scanned, found.length, order.count);
    if (chunk === null) break;
    const candidates = await db
      .select({ id: activities.id, startedAt: activities.startedAt })
      .from(activities)
      .where(and(where, key ? afterKey(key, order.descending) : undefined))
      .orderBy(...activityOrder(order.descending))
      .limit(chunk);
    if (candidates.length === 0) return found;
    const matched = await db
      .select(activityRowColumns)
      .from(activities)
      .where(and(inArray(activities.id, candidates.map((c) => c.id)), textCondition(search.q, search.level, "scan")))
      .orderBy(...activityOrder(order.descending));
    found.push(...matched);
    if (found.length >= order.count) return found.slice(0, order.count);
    if (candidates.length < chunk) return found;
    scanned += candidates.length;
    key = candidates.at(-1);
  }
  const rest = await db
    .select(activityRowColumns)
    .from(activities)
    .where(and(where, key ? afterKey(key, order.descending) : undefined, textCondition(search.q, search.level, "fulltext")))
    .orderBy(...activityOrder(order.descending))
    .limit(order.count - found.length);
  return [...found, ...rest];
}
