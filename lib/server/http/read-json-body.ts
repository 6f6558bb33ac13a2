import type { IncomingMessage } from "node:http";
import { HttpError } from "./http-error";
import { receiveBody, type ReceiveLimits } from "./receive-body";

/** A small JSON body (session open/finish); an empty body is `{}`. */
export async function readJsonBody(req: IncomingMessage, limits: ReceiveLimits): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of receiveBody(req, limits, () => {})) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError("bad_request", "request body is not valid JSON");
  }
}
