import { loadavg } from "node:os";
import mysql from "mysql2/promise";
import { entryColumns, entryRows } from "./activity-rows";
import { openCapturingDatabase } from "./capturing-database";
import { explainCase, formatExplained } from "./explain-case";
import { ensureBenchDatabase } from "./generate-database";
import { planTenants } from "./generate-tenants";
import { measureLoaders } from "./measure-loaders";
import { parsePortalBenchOptions } from "./parse-options";
import { makePlan } from "./plan";
import { planActivities } from "./plan-activities";
import { preparePortalCases } from "./portal-cases";
import { formatResults, latencyKeys, met, type CaseResult } from "./report";
import { timeCases } from "./time-case";
import { runBenchMain } from "../run-main";

// npm run bench:portal -- [--fresh] [--iterations 30] [--scale 1]  (see bench/README.md)
// A provider-scale scratch database (built once, reused), then the data access behind each portal
// page timed through the real DAL. Progress to stderr; the table, EXPLAIN and one JSON line to stdout.

const log = (line: string) => process.stderr.write(`${line}\n`);

/** The database's size and the server facts that decide how much of it stays in memory. */
async function describeServer(url: string): Promise<{ bytes: number; version: string; bufferPoolBytes: number }> {
  const conn = await mysql.createConnection({ uri: url });
  try {
    const [[size]] = await conn.query<mysql.RowDataPacket[]>("SELECT sum(data_length + index_length) AS bytes FROM information_schema.tables WHERE table_schema = DATABASE()");
    const [[server]] = await conn.query<mysql.RowDataPacket[]>("SELECT version() AS version, @@innodb_buffer_pool_size AS pool");
    return { bytes: Number(size?.bytes), version: String(server?.version), bufferPoolBytes: Number(server?.pool) };
  } finally {
    await conn.end();
  }
}

async function compareLoaders(url: string, bench: Awaited<ReturnType<typeof ensureBenchDatabase>>, rows: number) {
  const tenants = planTenants(bench.plan);
  const activities = planActivities(bench.plan, tenants);
  const conns = [await mysql.createConnection({ uri: url }), await mysql.createConnection({ uri: url })];
  try {
    return await measureLoaders(conns, entryColumns, () => entryRows(activities, tenants), rows, log);
  } finally {
    for (const c of conns) await c.end();
  }
}

async function main(): Promise<number> {
  const loadAtStart = loadavg()[0] ?? 0;
  const options = parsePortalBenchOptions(process.argv.slice(2));
  const bench = await ensureBenchDatabase(options.databaseUrl, makePlan(options.scale, options.seed), options.fresh, log);
  const { plan, subjects } = bench;
  const size = await describeServer(options.databaseUrl);
  const loaders = await compareLoaders(options.databaseUrl, bench, options.compareRows);

  const database = openCapturingDatabase(options.databaseUrl);
  try {
    const now = new Date(plan.endsAt);
    const { cases, walkTo500 } = await preparePortalCases(database.db, subjects, now, log);
    log(`timing ${cases.length} cases, ${options.iterations} rounds`);
    const timings = await timeCases(
      cases.map((c) => c.run),
      options.warmup,
      options.iterations,
    );
    const results: CaseResult[] = cases.map((c, i) => ({ case: c, timing: timings[i]! }));
    const slowest = [...results].sort((a, b) => b.timing.p95 - a.timing.p95)[0]!;
    const explained = await explainCase(database, slowest.case.run);

    const gib = (b: number) => (b / 1024 ** 3).toFixed(1);
    console.log(`\nStrongroom portal benchmark: ${options.iterations} timed calls per case (in rounds, one call of each case per round) after ${options.warmup} warm-up calls; "now" is ${plan.endsAt}`);
    console.log(
      `database ${options.databaseUrl.replace(/\/\/[^@]*@/, "//")}: ${plan.customersPerReseller.length} resellers (customers ${plan.customersPerReseller.join(", ")}), ${plan.accounts.toLocaleString("en")} accounts, ${plan.activities.toLocaleString("en")} activities, ${plan.entries.toLocaleString("en")} entries (longest activity ${plan.heavyEntries.toLocaleString("en")}), ${plan.days} days`,
    );
    console.log(`MariaDB ${size.version}, innodb_buffer_pool_size ${(size.bufferPoolBytes / 1024 ** 2).toFixed(0)} MiB`);
    console.log(`size ${gib(size.bytes)} GiB (data + indexes, information_schema); ${bench.reused ? "reused; generated" : "generated"} in ${bench.generationSeconds.toFixed(0)} s: ${bench.steps.map((s) => `${s.step} ${s.seconds.toFixed(0)} s`).join(", ")}`);
    console.log(
      `loading ${loaders.rows.toLocaleString("en")} entries (same rows, fresh table with every index): multi-row INSERT ${loaders.insertSeconds.toFixed(1)} s, LOAD DATA ${loaders.loadSeconds.toFixed(1)} s, LOAD DATA then indexes ${loaders.loadThenIndexSeconds.toFixed(1)} s`,
    );
    console.log(`page ${walkTo500.pages} reached by following "next" ${walkTo500.pages - 1} times: ${(walkTo500.ms / 1000).toFixed(1)} s in all`);
    console.log(`load average (1 min) at start ${loadAtStart.toFixed(2)}, at end ${(loadavg()[0] ?? 0).toFixed(2)}${loadAtStart > 0.5 ? ": OTHER WORK WAS RUNNING" : ""}\n`);
    console.log(formatResults(results));
    console.log(`\nslowest case: ${slowest.case.name} (p95 ${slowest.timing.p95.toFixed(1)} ms); its statements, slowest first:\n`);
    console.log(formatExplained(explained));
    console.log(
      JSON.stringify({
        bench: "portal",
        ...latencyKeys(results),
        load_data_speedup: Math.round((loaders.insertSeconds / loaders.loadThenIndexSeconds) * 100) / 100,
        generation_s: Math.round(bench.generationSeconds),
        database_gib: Math.round((size.bytes / 1024 ** 3) * 10) / 10,
        buffer_pool_mib: Math.round(size.bufferPoolBytes / 1024 ** 2),
        entries: plan.entries,
        targets_met: results.filter(met).length,
        targets: results.length,
        iterations: options.iterations,
        load_average_at_start: Number(loadAtStart.toFixed(2)),
      }),
    );
    // A missed target is a finding, not a failure of the run.
    return 0;
  } finally {
    await database.pool.end();
  }
}

runBenchMain(main, { stack: true });
