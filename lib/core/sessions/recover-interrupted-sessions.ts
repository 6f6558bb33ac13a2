import type { ActivityDelivery } from "../outbox/activity-delivery";
import type { Outbox } from "../outbox/outbox";
import { interruptedRecord } from "./interrupted-record";
import type { SessionJournal } from "./session-journal";

export interface RecoverOptions {
  journal: SessionJournal;
  outbox: Outbox<ActivityDelivery>;
  now?: () => Date;
  onUnreadable?: (key: string, error: unknown) => void;
}

/**
 * Run once at daemon start, before any new session: every session left in the journal becomes an
 * interrupted activity in the outbox. Append first, clear second: a crash in between only means
 * the same record (same id) is appended again next start, which the idempotent delivery absorbs.
 * Returns the sessions recovered.
 */
export async function recoverInterruptedSessions({ journal, outbox, now = () => new Date(), onUnreadable }: RecoverOptions) {
  const sessions = await journal.list(onUnreadable);
  for (const session of sessions) {
    const record = interruptedRecord(session.header, now());
    await outbox.append({ accountId: session.accountId, serverId: session.serverId, record });
    await journal.end(session.header.id);
  }
  return sessions;
}
