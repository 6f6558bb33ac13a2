import https from "node:https";

// Reads the daemon's Prometheus /metrics (lib/server/http/metrics.ts) for the counters the load
// bench reports from the server's side.

export interface DaemonCounters {
  sessionsTotal: number;
  answered503: number;
  requests: number;
}

export function readDaemonCounters(url: string, ca: Buffer): Promise<DaemonCounters> {
  return new Promise((resolve, reject) => {
    https
      .get(`${url}/metrics`, { ca }, (res) => {
        let text = "";
        res.on("data", (d: Buffer) => (text += d.toString()));
        res.on("end", () => {
          const value = (pattern: RegExp) => [...text.matchAll(pattern)].reduce((sum, m) => sum + Number(m[1]), 0);
          resolve({
            sessionsTotal: value(/^strongroom_sessions_total (\d+)/gm),
            answered503: value(/^strongroom_http_requests_total\{status="503"\} (\d+)/gm),
            requests: value(/^strongroom_http_requests_total\{[^}]*\} (\d+)/gm),
          });
        });
      })
      .on("error", reject);
  });
}
