import type { ActivityHeader, ActivityRecord } from "../../core/activity/activity";
import { StorageError, type StorageDriver } from "../../core/storage/driver";
import { createTransport, readBody, type TransportRequest } from "./http-transport";
import { createRangeReadAhead } from "./range-read-ahead";
import type { RemoteDriverOptions, RemoteSessionKind } from "./remote-options";

export interface RemoteDriver extends StorageDriver {
  /** Existence checks in batches of 1,000 keys (`POST /v1/stat`). */
  statMany(keys: readonly string[]): Promise<({ size: number; mtime: Date } | null)[]>;
  /**
   * What the session is for, set before the first request (which opens the session). Without it
   * the session is a "browse" one (listing snapshots, init, forget, key changes).
   */
  prepareSession(kind: RemoteSessionKind, activity: ActivityHeader | null): void;
  /**
   * Opens the session now, so credentials, suspension, the session limit (after the retries) and
   * conflicts fail here with the server's own message, not wrapped as a storage error of some key.
   */
  connect(): Promise<void>;
  /** Ends the session, handing the server the activity's record; then releases the connections. */
  finishSession(record: ActivityRecord | null): Promise<void>;
}

/**
 * The repository on a backup server, as a StorageDriver: the repository code runs unchanged over
 * HTTPS (see lib/server/PROTOCOL.md). All requests run inside one session, opened lazily by the
 * first request so admission control (503 + retry) happens before any work.
 */
/** Keys per existence-check request (the server's limit, lib/server/http/stat-route.ts). */
const STAT_BATCH = 1000;

export function createRemoteDriver(options: RemoteDriverOptions): RemoteDriver {
  const transport = createTransport(options);
  let intent: { kind: RemoteSessionKind; activity: ActivityHeader | null } = { kind: "browse", activity: null };
  let session: Promise<string> | null = null;
  let finished = false;

  function sessionId(): Promise<string> {
    if (finished) return Promise.reject(new StorageError("io", "the backup server session is finished"));
    session ??= (async () => {
      const body = Buffer.from(JSON.stringify({ kind: intent.kind, ...(intent.activity ? { activity: intent.activity } : {}) }));
      const res = await transport.request({ method: "POST", path: "/v1/sessions", headers: { "content-type": "application/json" }, body });
      return (JSON.parse((await readBody(res)).toString("utf8")) as { id: string }).id;
    })();
    // A refused open (busy past the retries, conflict) is not cached: a later call may try again.
    session.catch(() => (session = null));
    return session;
  }

  async function call(req: TransportRequest, allow404 = false) {
    const id = await sessionId();
    return transport.request({ ...req, headers: { ...req.headers, "strongroom-session": id } }, { allow404 });
  }

  const objectPath = (key: string) => `/v1/objects/${key}`;
  const readAhead = createRangeReadAhead(async (key, offset, length, into) => {
    const res = await call({ method: "GET", path: objectPath(key), headers: { range: `bytes=${offset}-${offset + length - 1}` } });
    return readBody(res, into);
  });

  return {
    prepareSession(kind, activity) {
      intent = { kind, activity };
    },
    async connect() {
      await sessionId();
    },
    async finishSession(record) {
      try {
        if (session && !finished) {
          const body = Buffer.from(JSON.stringify(record ? { record } : {}));
          const res = await call({ method: "POST", path: `/v1/sessions/${await session}/finish`, headers: { "content-type": "application/json" }, body });
          await readBody(res);
        }
      } finally {
        finished = true;
        transport.close();
      }
    },
    async read(key) {
      const res = await call({ method: "GET", path: objectPath(key) });
      return readBody(res);
    },
    async readRange(key, offset, length) {
      if (length === 0) return Buffer.alloc(0);
      // A range that runs past the end comes back short: readAhead calls that out_of_range.
      return readAhead(key, offset, length);
    },
    async readRangeInto(key, offset, into) {
      if (into.byteLength === 0) return;
      // Restore's pack reads: the body lands in the read ring, not in a buffer of its own.
      await readAhead(key, offset, into.byteLength, into);
    },
    async write(key, data) {
      const res = await call({ method: "PUT", path: objectPath(key), headers: { "content-type": "application/octet-stream" }, body: data });
      await readBody(res);
    },
    async *list(prefix) {
      const res = await call({ method: "GET", path: `/v1/list?prefix=${encodeURIComponent(prefix)}` });
      let rest = "";
      for await (const chunk of res as AsyncIterable<Buffer>) {
        const lines = (rest + chunk.toString("utf8")).split("\n");
        rest = lines.pop() ?? "";
        for (const line of lines) if (line !== "") yield line;
      }
      if (rest !== "") yield rest;
    },
    async stat(key) {
      const res = await call({ method: "HEAD", path: objectPath(key) }, true);
      await readBody(res);
      if (res.statusCode === 404) return null;
      const mtime = res.headers["x-strongroom-mtime"];
      return { size: Number(res.headers["content-length"] ?? 0), mtime: new Date(typeof mtime === "string" ? mtime : 0) };
    },
    async statMany(keys) {
      const answers: ({ size: number; mtime: Date } | null)[] = [];
      for (let i = 0; i < keys.length; i += STAT_BATCH) {
        const body = Buffer.from(JSON.stringify({ keys: keys.slice(i, i + STAT_BATCH) }));
        const res = await call({ method: "POST", path: "/v1/stat", headers: { "content-type": "application/json" }, body });
        const { objects } = JSON.parse((await readBody(res)).toString("utf8")) as { objects: ({ size: number; mtime: string } | null)[] };
        answers.push(...objects.map((o) => o && { size: o.size, mtime: new Date(o.mtime) }));
      }
      return answers;
    },
    async delete(key) {
      const res = await call({ method: "DELETE", path: objectPath(key) });
      await readBody(res);
    },
    statfs() {
      // The server's device is not the client's business; quota errors come back on upload.
      return Promise.resolve({ totalBytes: Number.MAX_SAFE_INTEGER, freeBytes: Number.MAX_SAFE_INTEGER });
    },
    sweepTemp() {
      // Temp files live on the server, which sweeps its own.
      return Promise.resolve(0);
    },
  };
}
