import type { ActivitySink } from "../activity/activity-sink";
import type { ActivityDelivery } from "../outbox/activity-delivery";
import type { Outbox } from "../outbox/outbox";
import type { SessionJournal } from "./session-journal";

export interface OutboxSinkOptions {
  outbox: Outbox<ActivityDelivery>;
  journal: SessionJournal;
  accountId: number;
  serverId: number | null;
  /** Called once the record is durable in the outbox: wake the delivery worker. */
  onAppended?: (id: string) => void;
}

/**
 * The daemon's ActivitySink for one session: journals the session when it starts and queues the
 * complete record when it finishes. Entries are not written one by one: finish() receives them
 * all, and the record goes to the database in one transaction. Combine with the sink that writes
 * the account's log on the device (combineSinks).
 */
export function createOutboxSink({ outbox, journal, accountId, serverId, onAppended }: OutboxSinkOptions): ActivitySink {
  return {
    async start(header) {
      await journal.begin({ header, accountId, serverId });
    },
    entry() {},
    async finish(record) {
      const id = await outbox.append({ accountId, serverId, record });
      // Only now: a crash before this line leaves the session journaled, to be recovered.
      await journal.end(record.id);
      onAppended?.(id);
    },
  };
}
