import type { ActivityRecord } from "../activity/activity";

/**
 * What the daemon queues for the metadata database: a finished (or interrupted) activity and where
 * it belongs. `record.id` is the idempotency key that makes the replay exactly-once. The account
 * id is the metadata database's, which the daemon knows from the account cache on the device.
 */
export interface ActivityDelivery {
  accountId: number;
  serverId: number | null;
  record: ActivityRecord;
}
