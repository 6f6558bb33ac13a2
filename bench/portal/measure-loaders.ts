import type { Connection } from "mysql2/promise";
import { insertMultiRow, loadDataInfile, prepareBulkSession, type RowSource } from "./bulk-load";
import { addSecondaryIndexes, dropSecondaryIndexes, readSecondaryIndexes } from "./deferred-indexes";

// The loader's peer, timed in the same run on the same rows: multi-row INSERTs (the seed's way)
// against LOAD DATA LOCAL INFILE, each into a fresh copy of activity_entries (indexes, FULLTEXT
// included), plus LOAD DATA with the indexes added afterwards, which is how the generator loads.

export interface LoaderTimes {
  rows: number;
  insertSeconds: number;
  loadSeconds: number;
  loadThenIndexSeconds: number;
}

const PROBE = "bench_loader_probe";
const INSERT_BATCH = 2_000;

function* take<T>(rows: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  let i = 0;
  for (const row of rows) {
    yield row;
    if (++i >= n) return;
  }
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return (performance.now() - started) / 1000;
}

export async function measureLoaders(conns: Connection[], columns: readonly string[], rows: () => RowSource, n: number, log: (line: string) => void): Promise<LoaderTimes> {
  const [main] = conns;
  if (!main) throw new Error("measureLoaders needs a connection");
  for (const c of conns) await prepareBulkSession(c);
  const fresh = async () => {
    await main.query(`DROP TABLE IF EXISTS ${PROBE}`);
    await main.query(`CREATE TABLE ${PROBE} LIKE activity_entries`);
  };
  try {
    await fresh();
    const insertSeconds = await timed(() => insertMultiRow(conns, PROBE, columns, take(rows(), n), INSERT_BATCH));
    await fresh();
    const loadSeconds = await timed(() => loadDataInfile(main, PROBE, columns, take(rows(), n)));
    await fresh();
    const indexes = await readSecondaryIndexes(main, PROBE);
    const loadThenIndexSeconds = await timed(async () => {
      await dropSecondaryIndexes(main, PROBE, indexes);
      await loadDataInfile(main, PROBE, columns, take(rows(), n));
      await addSecondaryIndexes(main, PROBE, indexes, () => {});
    });
    const rate = (s: number) => `${Math.round(n / s).toLocaleString("en")} rows/s`;
    log(`loaders on ${n.toLocaleString("en")} entries: multi-row INSERT (${INSERT_BATCH} rows, ${conns.length} connections) ${insertSeconds.toFixed(1)} s (${rate(insertSeconds)}); LOAD DATA ${loadSeconds.toFixed(1)} s (${rate(loadSeconds)}); LOAD DATA then indexes ${loadThenIndexSeconds.toFixed(1)} s (${rate(loadThenIndexSeconds)})`);
    return { rows: n, insertSeconds, loadSeconds, loadThenIndexSeconds };
  } finally {
    await main.query(`DROP TABLE IF EXISTS ${PROBE}`);
  }
}
