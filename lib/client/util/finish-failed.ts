import type { Activity, ActivityFigures } from "../../core/activity";
import { describeError } from "./describe-error";
import { InterruptedError } from "./interrupted";

/**
 * Ends an activity that threw: "interrupted" for a requested stop, otherwise "failed" with the
 * error as an entry and the summary. Returns the error so callers can `throw await finishFailed()`.
 */
export async function finishFailed(activity: Activity, error: unknown, figures: Omit<ActivityFigures, "durationMs">): Promise<unknown> {
  const interrupted = error instanceof InterruptedError;
  const message = interrupted ? "interrupted by a signal before completion" : describeError(error);
  activity.entry(interrupted ? "warning" : "error", null, message);
  try {
    await activity.finish(interrupted ? "interrupted" : "failed", figures, { summary: message });
  } catch {
    // A sink that cannot write (a full device) must not hide the original error.
  }
  return error;
}
