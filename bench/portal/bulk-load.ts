import { Readable, type Writable } from "node:stream";
import type { Connection } from "mysql2/promise";

// Two ways to put millions of generated rows into MariaDB: LOAD DATA LOCAL INFILE fed from a stream
// (mysql2's infileStreamFactory; no file on disk) and multi-row INSERTs. measure-loaders.ts times
// both on the same rows; the generator uses LOAD DATA, which wins here by a wide margin.

export type Cell = string | number | null;

/**
 * Rows come as arrays of cells, or as lines already in LOAD DATA's format (the entries, where
 * building arrays and joining them costs more than the database's work), produced lazily so 20
 * million of them never sit in memory.
 */
export type RowSource = Iterable<Cell[] | string>;

const needsEscape = /[\\\t\n\r]/;

/** A cell in LOAD DATA's default text format: tab-separated, backslash escapes, \N for NULL. */
export function tsvCell(value: Cell): string {
  if (value === null) return "\\N";
  if (typeof value === "number") return String(value);
  if (!needsEscape.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

let cachedMinute = Number.NaN;
let cachedPrefix = "";

/** A UTC instant (whole milliseconds) as DATETIME(3) text; the date part is formatted once a minute. */
export function sqlTime(ms: number): string {
  const minute = Math.floor(ms / 60_000);
  if (minute !== cachedMinute) {
    cachedMinute = minute;
    cachedPrefix = new Date(minute * 60_000).toISOString().slice(0, 17).replace("T", " ");
  }
  const rest = ms - minute * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  return `${cachedPrefix}${seconds < 10 ? "0" : ""}${seconds}.${millis < 10 ? "00" : millis < 100 ? "0" : ""}${millis}`;
}

/** The row as one line of LOAD DATA's format, without the newline. */
export function tsvLine(row: Cell[]): string {
  return row.map(tsvCell).join("\t");
}

const CHUNK_CHARS = 1 << 20;

function* tsvChunks(rows: RowSource, counter: { rows: number }): Generator<string> {
  let chunk = "";
  for (const row of rows) {
    chunk += `${typeof row === "string" ? row : tsvLine(row)}\n`;
    counter.rows++;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/** Unsent bytes on the socket above which the generator waits for it to drain. */
const SOCKET_HIGH_WATER = 4 << 20;

/**
 * The chunks as a stream that only produces the next one when the connection's socket has room.
 * mysql2 writes every chunk of an infile stream as soon as it comes, ignoring the socket's
 * backpressure: fed by a fast generator it buffers gigabytes and starves the other connections'
 * sockets until MariaDB gives up on them (net_read_timeout). setImmediate lets I/O run between chunks.
 */
function paced(chunks: Iterator<string>, socket: Writable): Readable {
  return new Readable({
    read() {
      const produce = () => {
        const next = chunks.next();
        this.push(next.done ? null : Buffer.from(next.value));
      };
      if (socket.writableLength > SOCKET_HIGH_WATER) socket.once("drain", produce);
      else setImmediate(produce);
    },
  });
}

/**
 * Streams the rows into `table` with one LOAD DATA LOCAL INFILE statement (one transaction). The
 * session skips unique and foreign-key checks: the generator makes ids itself and only refers to
 * rows it has already loaded. Returns the number of rows sent.
 */
export async function loadDataInfile(conn: Connection, table: string, columns: readonly string[], rows: RowSource): Promise<number> {
  const counter = { rows: 0 };
  const socket = (conn as unknown as { connection: { stream: Writable } }).connection.stream;
  const stream = paced(tsvChunks(rows, counter), socket);
  const sql = `LOAD DATA LOCAL INFILE 'generated' INTO TABLE \`${table}\` CHARACTER SET utf8mb4 (${columns.map((c) => `\`${c}\``).join(", ")})`;
  const [result] = await conn.query({ sql, infileStreamFactory: () => stream });
  const { affectedRows, warningStatus } = result as { affectedRows: number; warningStatus: number };
  if (affectedRows !== counter.rows) {
    throw new Error(`LOAD DATA into ${table}: sent ${counter.rows} rows, MariaDB stored ${affectedRows} (${warningStatus} warnings; SHOW WARNINGS names them)`);
  }
  return counter.rows;
}

/** A line back to cells (for the INSERT side of the comparison, which must send the same rows). */
export function fromTsvLine(line: string): Cell[] {
  return line.split("\t").map((cell) => (cell === "\\N" ? null : cell.replace(/\\([\\tnr])/g, (_, c: string) => (c === "t" ? "\t" : c === "n" ? "\n" : c === "r" ? "\r" : "\\"))));
}

/** The same rows as multi-row INSERT statements of `batch` rows each, one in flight per connection. */
export async function insertMultiRow(conns: Connection[], table: string, columns: readonly string[], rows: RowSource, batch: number): Promise<number> {
  const head = `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(", ")}) VALUES `;
  const idle = [...conns];
  const inFlight = new Set<Promise<void>>();
  let sent = 0;
  let pending: (Cell[] | string)[] = [];
  const flush = async () => {
    while (idle.length === 0) await Promise.race(inFlight);
    const conn = idle.pop()!;
    const sql = head + pending.map((r) => `(${(typeof r === "string" ? fromTsvLine(r) : r).map((v) => conn.escape(v)).join(",")})`).join(",");
    pending = [];
    const done: Promise<void> = conn.query(sql).then(() => {
      inFlight.delete(done);
      idle.push(conn);
    });
    inFlight.add(done);
  };
  for (const row of rows) {
    pending.push(row);
    sent++;
    if (pending.length >= batch) await flush();
  }
  if (pending.length > 0) await flush();
  await Promise.all(inFlight);
  return sent;
}

/** Session settings for bulk loading: the generator guarantees uniqueness and references itself. */
export async function prepareBulkSession(conn: Connection): Promise<void> {
  // The long timeout: while three loads share two cores, one stream can wait its turn for a while.
  await conn.query("SET SESSION unique_checks = 0, foreign_key_checks = 0, net_read_timeout = 600");
}
