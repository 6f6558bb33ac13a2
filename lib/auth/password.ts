import { hash, verify, type Algorithm } from "@node-rs/argon2";

// Algorithm is an ambient const enum (not importable under isolatedModules): 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

// argon2id with OWASP's second recommended profile (19 MiB, t=2, p=1): about 20-40 ms here.
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    // A malformed stored hash is a failed login, never a 500.
    return false;
  }
}

// Verified against when the login is unknown so both answers take the same time.
let dummyHash: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("strongroom-timing-equaliser");
  await verifyPassword(await dummyHash, password);
  return false;
}
