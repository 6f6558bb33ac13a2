import { interruptedRecord } from "../../core/sessions/interrupted-record";
import type { SessionActivityPort } from "../http/session-registry";
import type { ActivityPipeline } from "./open-activity-pipeline";

/**
 * Sessions to activities: a session that announced its activity is journaled when it opens
 * (so a crash reports it interrupted) and queued in the outbox when it finishes, with the
 * client's record or, when it ended without one (client vanished, drain timeout), as interrupted.
 */
export function createSessionActivities(pipeline: ActivityPipeline, now: () => Date = () => new Date()): SessionActivityPort {
  return {
    async started(session) {
      if (session.header) await pipeline.sinkFor(session.accountId).start(session.header);
    },
    async finished(session, record) {
      const final = record ?? (session.header ? interruptedRecord(session.header, now()) : null);
      if (final) await pipeline.sinkFor(session.accountId).finish(final);
    },
  };
}
