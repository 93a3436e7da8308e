import { fromBase64, timingSafeEqualText, toBase64 } from './crypto';

/**
 * PBKDF2-SHA256 through WebCrypto, the slow salted KDF the Workers runtime offers (no scrypt or
 * argon2 without WASM). Workers refuse more than 100,000 iterations, so that is the count; the salt
 * is 16 random bytes per password. The iteration count is stored with the hash, so it can be raised
 * later and old hashes still verify.
 */
export const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const encoder = new TextEncoder();

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    HASH_BITS,
  );
  return toBase64(bits);
}

/** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>` */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  return `pbkdf2-sha256$${PBKDF2_ITERATIONS}$${toBase64(salt)}$${await derive(password, salt, PBKDF2_ITERATIONS)}`;
}

/** A stored hash that no password matches, so an unknown e-mail costs the same time as a wrong password. */
export const UNMATCHABLE_HASH = `pbkdf2-sha256$${PBKDF2_ITERATIONS}$AAAAAAAAAAAAAAAAAAAAAA==$`;

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iter, salt, hash] = stored.split('$');
  const iterations = Number(iter);
  if (
    scheme !== 'pbkdf2-sha256' ||
    !Number.isInteger(iterations) ||
    iterations < 1 ||
    !salt ||
    hash === undefined
  )
    return false;
  const derived = await derive(password, fromBase64(salt), Math.min(iterations, PBKDF2_ITERATIONS));
  return timingSafeEqualText(derived, hash) && hash.length > 0;
}

/** Passwords of 12 to 256 characters: long enough to resist guessing, short enough to bound the KDF's input. */
export function passwordProblem(password: string): string | null {
  if (password.length < 12) return 'Use at least 12 characters.';
  if (password.length > 256) return 'Use at most 256 characters.';
  return null;
}
