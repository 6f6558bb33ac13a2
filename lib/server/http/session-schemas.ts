import { z } from "zod";
import { activityKinds, activityStatuses, entryLevels } from "../../core/activity/activity";
import { sessionKinds } from "./session-registry";

const header = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
  kind: z.enum(activityKinds),
  startedAt: z.string().max(40),
  host: z.string().max(255).nullable(),
  clientVersion: z.string().max(100).nullable(),
});

export const openSessionBody = z.object({ kind: z.enum(sessionKinds), activity: header.optional() });

export const finishSessionBody = z.object({
  record: header
    .extend({
      status: z.enum(activityStatuses),
      endedAt: z.string().max(40),
      figures: z.object({ files: z.number(), bytesScanned: z.number(), bytesNew: z.number(), bytesStored: z.number(), dedupRatio: z.number(), durationMs: z.number() }),
      snapshotId: z.string().max(100).nullable(),
      summary: z.string().nullable(),
      warningCount: z.number().int(),
      errorCount: z.number().int(),
      entries: z.array(z.object({ level: z.enum(entryLevels), at: z.string().max(40), path: z.string().nullable(), message: z.string() })),
    })
    .optional(),
});
