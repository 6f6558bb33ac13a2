import mysql from "mysql2/promise";
import { serverUrl } from "../../db/admin";

// Samples, twice a second, how many connections MySQL holds for the bench's database (the
// daemon's pool; this watcher connects without selecting it, so it does not count itself) and
// the server-wide Threads_connected, keeping the peaks.

export interface MysqlWatch {
  stop(): Promise<{ peakDatabaseConnections: number; peakThreadsConnected: number; samples: number }>;
}

export async function watchMysql(databaseUrl: string, databaseName: string, everyMs = 500): Promise<MysqlWatch> {
  const connection = await mysql.createConnection({ uri: serverUrl(databaseUrl) });
  let peakDatabaseConnections = 0;
  let peakThreadsConnected = 0;
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const [[own]] = (await connection.query("SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = ?", [databaseName])) as unknown as [{ n: number }[]];
      const [[threads]] = (await connection.query("SHOW GLOBAL STATUS LIKE 'Threads_connected'")) as unknown as [{ Value: string }[]];
      peakDatabaseConnections = Math.max(peakDatabaseConnections, Number(own?.n ?? 0));
      peakThreadsConnected = Math.max(peakThreadsConnected, Number(threads?.Value ?? 0));
      samples += 1;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await connection.end();
      return { peakDatabaseConnections, peakThreadsConnected, samples };
    },
  };
}
