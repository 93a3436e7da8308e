import { fromBase64, toBase64 } from './crypto';

/**
 * AES-256-GCM sealing of secrets at rest (webhook secrets, later gateway credentials).
 * ENCRYPTION_KEY is a Worker secret holding 32 random bytes in base64. The sealed form is
 * `v1.<iv>.<ciphertext>`; the version leaves room for key rotation.
 */
const keyCache = new Map<string, Promise<CryptoKey>>();

function importKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    const raw = fromBase64(secret);
    if (raw.byteLength !== 32) throw new Error('ENCRYPTION_KEY must be 32 bytes in base64');
    key = crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
    keyCache.set(secret, key);
  }
  return key;
}

export async function seal(plaintext: string, secret: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await importKey(secret);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plaintext));
  return `v1.${toBase64(iv)}.${toBase64(ct)}`;
}

export async function open(sealed: string, secret: string): Promise<string> {
  const [version, iv, ct] = sealed.split('.');
  if (version !== 'v1' || !iv || !ct) throw new Error('unknown sealed secret format');
  const key = await importKey(secret);
  const pt = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv) }, key, fromBase64(ct));
  return new TextDecoder().decode(pt);
}
