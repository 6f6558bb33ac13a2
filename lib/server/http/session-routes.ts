import { HttpError, sendJson } from "./http-error";
import type { IncomingMessage } from "node:http";
import type { AccountRequest, ProtocolDeps } from "./protocol-context";
import { readJsonBody } from "./read-json-body";
import { finishSessionBody, openSessionBody } from "./session-schemas";

/** Session bodies are small; the record of a run with many file errors is the largest. */
const jsonLimits = (r: AccountRequest) => ({ ...r.deps.limits, maxBodyBytes: Math.min(r.deps.limits.maxBodyBytes, 16 * 1024 * 1024) });

/**
 * At the session limit (or draining) a session open is refused before its credentials are
 * checked: refused clients retry many times, and each refusal must cost next to nothing (no
 * argon2, no MySQL). The small body is read first so the keep-alive connection survives for the
 * retry (a new TLS handshake costs more than the refusal); a larger one closes the connection.
 */
export async function refuseIfUnadmissible(req: IncomingMessage, deps: ProtocolDeps): Promise<void> {
  try {
    deps.sessions.assertAdmissible();
  } catch (refusal) {
    await readJsonBody(req, { ...deps.limits, maxBodyBytes: 64 * 1024 }).catch(() => undefined);
    throw refusal;
  }
}

export async function openSession(r: AccountRequest): Promise<void> {
  const parsed = openSessionBody.safeParse(await readJsonBody(r.req, jsonLimits(r)));
  if (!parsed.success) throw new HttpError("bad_request", "session needs a kind (backup, restore, check, prune, repair, browse) and optionally the activity header");
  const { kind, activity } = parsed.data;
  if (activity && activity.kind !== kind && kind !== "browse") throw new HttpError("bad_request", "activity kind differs from the session kind");
  const session = await r.deps.sessions.open(r.account.accountId, kind, activity ?? null);
  r.deps.logger.info({ account: r.account.loginName, session: session.id, kind }, "session opened");
  sendJson(r.res, 201, { id: session.id });
}

/**
 * The record is appended durably (outbox) before the answer, so a 200 means the activity will
 * reach MySQL even if this daemon dies the next instant.
 */
export async function finishSession(r: AccountRequest, id: string): Promise<void> {
  const session = r.deps.sessions.touch(r.account.accountId, id);
  const parsed = finishSessionBody.safeParse(await readJsonBody(r.req, jsonLimits(r)));
  if (!parsed.success) throw new HttpError("bad_request", "malformed activity record");
  const record = parsed.data.record ?? null;
  if (record && session.header && record.id !== session.header.id) throw new HttpError("bad_request", "the record belongs to another activity than this session's");
  await r.deps.sessions.finish(session, record);
  // The account's used_bytes follows what its sessions stored (measured in the background).
  r.deps.usage.settle(r.account.loginName, r.repositoryRoot);
  r.deps.logger.info({ account: r.account.loginName, session: id, status: record?.status ?? null }, "session finished");
  sendJson(r.res, 200, { ok: true });
}
