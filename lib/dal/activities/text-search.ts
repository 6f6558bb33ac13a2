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

/** `text` contains every term of q as FULLTEXT would see it. */
function containsTerms(text: SQL, q: string): SQL[] {
  // LIKE first: MariaDB's REGEXP with \p{L} classes costs ~0.4 ms a line, LIKE rejects most lines
  // for a fraction of that, and AND evaluates left to right.
  return searchTerms(q).flatMap((t) => [...t.words.map((w) => like(text, `%${escapeLike(w)}%`)), sql`${text} regexp ${termPattern(t)}`]);
}

/** An entry (of `level`) contains every term of q as FULLTEXT would see it; for scans within known activities. */
export function entryPatterns(q: string, level: EntryLevel | undefined): SQL {
  return and(atLevel(level), ...containsTerms(sql`concat_ws(' ', ${activityEntries.message}, ${activityEntries.path})`, q))!;
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
  return level ? inEntries : or(and(...containsTerms(sql`${activities.summary}`, q)), inEntries)!;
}

// Growing chunks: a common word fills a page from the first; a rare one stops scanning soon. Each
// stays under MariaDB's in_predicate_conversion_threshold (1,000): a longer IN list becomes a
// derived table and the plan reads every candidate's entries (measured: 1,500 ids took 1.8 s, 900 took 20 ms).
const SCAN_CHUNKS = [100, 400, 900, 900];

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
  for (const chunk of scanChunks) {
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
