/**
 * The daemon's counters, rendered in the Prometheus text format (version 0.0.4). Kept by hand:
 * a dozen series do not justify a client library, and nothing here is per-account (label
 * cardinality stays fixed however many accounts a server hosts).
 */
export interface Metrics {
  bytesIn: number;
  bytesOut: number;
  errors: number;
  requests: Map<number, number>;
  countRequest(status: number): void;
}

export function createMetrics(): Metrics {
  const requests = new Map<number, number>();
  return {
    bytesIn: 0,
    bytesOut: 0,
    errors: 0,
    requests,
    countRequest(status) {
      requests.set(status, (requests.get(status) ?? 0) + 1);
    },
  };
}

export interface Gauges {
  sessionsActive: number;
  sessionsTotal: number;
  outboxDepth: number;
  outboxDead: number;
  draining: boolean;
}

export function renderMetrics(metrics: Metrics, gauges: Gauges): string {
  const lines: string[] = [];
  const series = (name: string, type: "counter" | "gauge", help: string, values: [string, number][]) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of values) lines.push(`${name}${labels} ${value}`);
  };
  series("strongroom_sessions_active", "gauge", "Sessions running now.", [["", gauges.sessionsActive]]);
  series("strongroom_sessions_total", "counter", "Sessions admitted since start.", [["", gauges.sessionsTotal]]);
  series("strongroom_bytes_in_total", "counter", "Object bytes received.", [["", metrics.bytesIn]]);
  series("strongroom_bytes_out_total", "counter", "Object bytes sent.", [["", metrics.bytesOut]]);
  series("strongroom_errors_total", "counter", "Requests that failed on the server side (5xx).", [["", metrics.errors]]);
  const byStatus = [...metrics.requests.entries()].sort(([a], [b]) => a - b).map(([status, n]): [string, number] => [`{status="${status}"}`, n]);
  series("strongroom_http_requests_total", "counter", "Requests answered, by status.", byStatus);
  series("strongroom_outbox_depth", "gauge", "Activities waiting for delivery to MySQL.", [["", gauges.outboxDepth]]);
  series("strongroom_outbox_dead", "gauge", "Activities parked as undeliverable.", [["", gauges.outboxDead]]);
  series("strongroom_draining", "gauge", "1 while the server refuses new sessions to shut down.", [["", gauges.draining ? 1 : 0]]);
  return `${lines.join("\n")}\n`;
}
