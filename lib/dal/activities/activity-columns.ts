import { activities } from "../../../db/schema";

/** An activity's summary as lists show it; the detail page adds its account and client. */
export const activitySummaryColumns = {
  id: activities.id,
  kind: activities.kind,
  status: activities.status,
  startedAt: activities.startedAt,
  endedAt: activities.endedAt,
  filesCount: activities.filesCount,
  bytesScanned: activities.bytesScanned,
  bytesNew: activities.bytesNew,
  bytesStored: activities.bytesStored,
  errorCount: activities.errorCount,
  warningCount: activities.warningCount,
  summary: activities.summary,
};
