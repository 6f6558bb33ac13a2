/**
 * The address a request came from. Next.js (and a reverse proxy in front of it) appends the peer
 * address to X-Forwarded-For, so the rightmost entry is the one a client cannot forge.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").pop()?.trim();
  const ip = last || headers.get("x-real-ip")?.trim() || "unknown";
  return ip.replace(/^::ffff:/, "").slice(0, 45);
}
