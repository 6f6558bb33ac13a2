/** Decrypts `sealed` (ciphertext || 16-byte tag) into `out` (may be `sealed`); -1 when not authentic. */
export function gcmOpen(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array, out: Uint8Array): number;
/** Encrypts `plain` into `out` as ciphertext || tag (plain.length + 16 bytes); returns that length. */
export function gcmSeal(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plain: Uint8Array, out: Uint8Array): number;
