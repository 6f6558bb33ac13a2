import { getDb } from "@/db/client";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { streamActivityLog, type LogFormat } from "@/lib/dal/activities/stream-activity-log";
import { getActivity } from "@/lib/dal/activities/get-activity";
import { parseId } from "@/lib/dal/parse-id";
import { AppError, toAppError } from "@/lib/errors";

const formats: Record<string, { format: LogFormat; type: string; ext: string }> = {
  text: { format: "text", type: "text/plain; charset=utf-8", ext: "log" },
  jsonl: { format: "jsonl", type: "application/x-ndjson; charset=utf-8", ext: "jsonl" },
};

/** GET /activities/:id/log?format=text|jsonl — the whole log of one activity, streamed. */
export async function GET(request: Request, { params }: { params: Promise<{ activityId: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) return new Response("Sign in first.\n", { status: 401 });
    const id = parseId((await params).activityId);
    const chosen = formats[new URL(request.url).searchParams.get("format") ?? "text"];
    if (!chosen) return new Response("Unknown format: use text or jsonl.\n", { status: 400 });
    const ctx = { db: getDb(), actor };
    const activity = id !== null && can(actor.role, "accounts.read") ? await getActivity(ctx, id) : null;
    if (!activity) return new Response("Not found.\n", { status: 404 });
    return new Response(streamActivityLog(ctx, activity, chosen.format), {
      headers: {
        "Content-Type": chosen.type,
        "Content-Disposition": `attachment; filename="${activity.accountLoginName}-${activity.kind}-${activity.id}.${chosen.ext}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    const appError = toAppError(error);
    if (appError instanceof AppError) return new Response(`${appError.message}\n`, { status: appError.status });
    console.error("activity log download failed", error);
    return new Response("Something went wrong.\n", { status: 500 });
  }
}
