import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

/**
 * A self-signed certificate for the demo and tests (`--self-signed DIR`), made with `openssl req`
 * once and reused: clients pin it with --server-ca. Production installs configure a real pair.
 */
export async function ensureSelfSignedCertificate(dir: string, hosts: string[] = ["localhost", "127.0.0.1"]): Promise<{ cert: string; key: string }> {
  const cert = path.join(dir, "server-cert.pem");
  const key = path.join(dir, "server-key.pem");
  const exists = await Promise.all([cert, key].map((f) => fs.access(f).then(() => true, () => false)));
  if (exists.every(Boolean)) return { cert, key };
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const san = hosts.map((h) => (/^[\d.]+$/.test(h) ? `IP:${h}` : `DNS:${h}`)).join(",");
  await promisify(execFile)("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "825", "-subj", "/CN=strongroom", "-addext", `subjectAltName=${san}`, "-keyout", key, "-out", cert]);
  await fs.chmod(key, 0o600);
  return { cert, key };
}
