import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpError, sendError, sendJson } from "./http-error";
import { renderMetrics } from "./metrics";
import { deleteObject, getObject, headObject, putObject } from "./object-routes";
import { objectKeyOf } from "./object-key";
import { listObjects } from "./list-route";
import { statObjects } from "./stat-route";
import type { AccountRequest, ProtocolDeps } from "./protocol-context";
import { finishSession, openSession, refuseIfUnadmissible } from "./session-routes";
import { toHttpError } from "./storage-errors";

const SESSION_HEADER = "strongroom-session";

/** The protocol's router. Every error ends in one place: known ones as their 4xx/5xx, others 500. */
export function createRequestHandler(deps: ProtocolDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    let login: string | null = null;
    // The raw path: never decoded (object keys are validated byte for byte).
    const rawPath = (req.url ?? "/").split("?")[0] ?? "/";
    try {
      const url = new URL(req.url ?? "/", "https://server.invalid");
      if (rawPath === "/healthz") return health(deps, res);
      if (rawPath === "/metrics") return metrics(deps, res);
      // Opening a session re-checks the account's status and usage; other requests use the cache.
      const opening = rawPath === "/v1/sessions" && req.method === "POST";
      if (opening) await refuseIfUnadmissible(req, deps);
      const { account, repositoryRoot } = await deps.auth.authenticate(req.headers.authorization, { fresh: opening });
      login = account.loginName;
      const r: AccountRequest = { req, res, url, account, repositoryRoot, driver: deps.driverFor(repositoryRoot), deps };
      await route(r, rawPath);
    } catch (raw) {
      const error = toHttpError(raw);
      if (error instanceof HttpError) {
        sendError(res, error, bodyUnread(req));
      } else {
        deps.metrics.errors += 1;
        deps.logger.error({ err: error, method: req.method, path: rawPath.slice(0, 200), account: login }, "request failed");
        sendError(res, new HttpError("internal", "internal server error"), bodyUnread(req));
      }
    } finally {
      deps.metrics.countRequest(res.statusCode);
      deps.logger.debug({ method: req.method, path: rawPath.slice(0, 200), status: res.statusCode, ms: Math.round(performance.now() - started), account: login }, "request");
    }
  };
}

async function route(r: AccountRequest, path: string): Promise<void> {
  const method = r.req.method ?? "GET";
  if (path === "/v1/sessions" && method === "POST") return openSession(r);
  const finish = /^\/v1\/sessions\/([^/]+)\/finish$/.exec(path);
  if (finish?.[1] && method === "POST") return finishSession(r, finish[1]);
  // Every data request belongs to a live session of this account: admission control is at
  // session open, and a finished or expired session cannot keep writing.
  const within = (body: () => Promise<void>) => r.deps.sessions.within(r.account.accountId, sessionOf(r), body);
  if (path === "/v1/list" && method === "GET") return within(() => listObjects(r));
  if (path === "/v1/stat" && method === "POST") return within(() => statObjects(r));
  if (path.startsWith("/v1/objects/")) {
    const { key, parsed } = objectKeyOf(path);
    if (method === "GET") return within(() => getObject(r, key));
    if (method === "HEAD") return within(() => headObject(r, key));
    if (method === "PUT") return within(() => putObject(r, key, parsed));
    if (method === "DELETE") return within(() => deleteObject(r, key, parsed));
  }
  throw new HttpError("not_found", `no route for ${method} ${path.slice(0, 100)}`);
}

/** `complete` is only set once the stream ends, so a bodiless GET would look unread: ask the headers. */
function bodyUnread(req: IncomingMessage): boolean {
  const declared = req.headers["content-length"];
  const hasBody = req.headers["transfer-encoding"] !== undefined || (declared !== undefined && declared !== "0");
  return hasBody && !req.complete;
}

function sessionOf(r: AccountRequest): string | undefined {
  const value = r.req.headers[SESSION_HEADER];
  return typeof value === "string" ? value : undefined;
}

function health(deps: ProtocolDeps, res: ServerResponse): void {
  if (deps.sessions.draining) return sendJson(res, 503, { status: "draining" }, { "retry-after": "5" });
  sendJson(res, 200, { status: "ok", sessions: deps.sessions.active });
}

function metrics(deps: ProtocolDeps, res: ServerResponse): void {
  const body = renderMetrics(deps.metrics, { ...deps.gauges(), sessionsActive: deps.sessions.active, sessionsTotal: deps.sessions.total, draining: deps.sessions.draining });
  res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
  res.end(body);
}
