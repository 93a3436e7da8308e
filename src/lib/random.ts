/**
 * Random bytes from the platform's CSPRNG, drawn a few kilobytes at a time: each
 * `crypto.getRandomValues` call crosses into the runtime, and a request needs a request id, a nonce
 * and often an object id. Every byte is handed out once and never reused; the pool lives in the
 * isolate's memory only, like any other value a request computes.
 */
const POOL_BYTES = 4096;
let pool = new Uint8Array(0);
let at = 0;

/** `n` fresh random bytes (a copy: callers may keep or change them). */
export function randomBytes(n: number): Uint8Array {
  if (n > POOL_BYTES) return crypto.getRandomValues(new Uint8Array(n));
  if (at + n > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(POOL_BYTES));
    at = 0;
  }
  const out = pool.slice(at, at + n);
  at += n;
  return out;
}
