import net from "node:net";

/**
 * A TCP proxy between the code under test and MariaDB that a test can cut and restore, to play
 * a database outage for real: cut() destroys every open connection (the server sees the client
 * vanish and rolls back its transaction) and stops listening, so new connections are refused
 * (ECONNREFUSED) until restore() listens again on the same port.
 */
export interface TcpProxy {
  readonly port: number;
  /** `url` with its host and port pointing at the proxy. */
  readonly url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  /** Cuts once this many more bytes have gone from clients to the server (mid-statement). */
  cutAfterUpstreamBytes(bytes: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(databaseUrl: string): Promise<TcpProxy> {
  const target = new URL(databaseUrl);
  const targetHost = target.hostname;
  const targetPort = Number(target.port || 3306);
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let budget: { bytes: number; reached: () => void } | null = null;
  let port = 0;

  function relay(client: net.Socket) {
    const upstream = net.connect(targetPort, targetHost);
    const kill = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", kill);
      socket.on("close", kill);
    }
    client.on("data", (chunk: Buffer) => {
      if (!budget) return;
      budget.bytes -= chunk.byteLength;
      if (budget.bytes <= 0) budget.reached();
    });
    client.pipe(upstream);
    upstream.pipe(client);
  }

  async function listen(): Promise<void> {
    const next = net.createServer(relay);
    await new Promise<void>((resolve, reject) => {
      next.once("error", reject);
      next.listen(port, "127.0.0.1", () => resolve());
    });
    const address = next.address();
    if (address && typeof address === "object") port = address.port;
    server = next;
  }

  async function cut(): Promise<void> {
    budget = null;
    const closing = server;
    server = null;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  }

  await listen();
  const url = new URL(databaseUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  return {
    port,
    url: url.toString(),
    cut,
    async restore() {
      if (!server) await listen();
    },
    cutAfterUpstreamBytes(bytes) {
      return new Promise((resolve) => {
        budget = { bytes, reached: () => void cut().then(resolve) };
      });
    },
    close: cut,
  };
}
