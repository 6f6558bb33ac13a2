/** Decrypts `sealed` (ciphertext || 16-byte tag) into `out` (may be `sealed`); -1 when not authentic. */
export function gcmOpen(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array, out: Uint8Array): number;
/** Encrypts `plain` into `out` as ciphertext || tag (plain.length + 16 bytes); returns that length. */
export function gcmSeal(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plain: Uint8Array, out: Uint8Array): number;
/**
 * Hands the whole pages inside `bytes` back to the kernel (they read as zeros when next touched);
 * for scratch buffers kept for reuse. Returns the number of bytes dropped.
 */
export function dropPages(bytes: Uint8Array): number;
