import { HttpError } from "./http-error";

/** Login and password from an `Authorization: Basic` header (RFC 7617); the header is never logged. */
export function readBasicAuth(header: string | undefined): { login: string; password: string } {
  const match = header === undefined ? null : /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (!match?.[1]) throw new HttpError("unauthorized", "authentication required: send the account name and password (HTTP Basic)", { "www-authenticate": 'Basic realm="strongroom"' });
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) throw new HttpError("unauthorized", "malformed credentials", { "www-authenticate": 'Basic realm="strongroom"' });
  return { login: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
