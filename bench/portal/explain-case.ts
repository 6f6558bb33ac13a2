import type mysql from "mysql2/promise";
import type { CapturingDatabase } from "./capturing-database";

// The EXPLAIN of what a case sent: each statement timed once on its own, the slowest first, with
// the optimizer's plan as MariaDB prints it.

export interface ExplainedStatement {
  sql: string;
  ms: number;
  plan: Record<string, unknown>[];
}

const planColumns = ["id", "select_type", "table", "type", "key", "key_len", "ref", "rows", "filtered", "Extra"];

export async function explainCase(database: CapturingDatabase, run: () => Promise<unknown>, top = 3): Promise<ExplainedStatement[]> {
  const statements = await database.capture(run);
  const timed: ExplainedStatement[] = [];
  for (const sql of statements) {
    const started = performance.now();
    await database.pool.query(sql);
    const ms = performance.now() - started;
    const [plan] = await database.pool.query<mysql.RowDataPacket[]>(`EXPLAIN ${sql}`);
    timed.push({ sql, ms, plan });
  }
  return timed.sort((a, b) => b.ms - a.ms).slice(0, top);
}

export function formatPlan(plan: Record<string, unknown>[]): string {
  const cells = plan.map((row) => planColumns.map((c) => (row[c] === null || row[c] === undefined ? "" : String(row[c]))));
  const widths = planColumns.map((c, i) => Math.min(60, Math.max(c.length, ...cells.map((r) => r[i]!.length))));
  const line = (values: string[]) => values.map((v, i) => v.slice(0, 60).padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(planColumns), ...cells.map(line)].join("\n");
}

export function formatExplained(statements: ExplainedStatement[]): string {
  return statements
    .map((s, i) => {
      const sql = s.sql.length > 900 ? `${s.sql.slice(0, 900)} …` : s.sql;
      return `statement ${i + 1} (${s.ms.toFixed(1)} ms when run alone):\n${sql}\n${formatPlan(s.plan)}`;
    })
    .join("\n\n");
}
