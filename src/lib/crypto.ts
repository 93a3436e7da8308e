const encoder = new TextEncoder();

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (let i = 0; i < view.length; i++) out += HEX[view[i] as number];
  return out;
}

export function toBase64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let bin = '';
  for (const b of view) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function fromBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function sha256Hex(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/**
 * Constant-time equality of two equal-length byte strings: the Workers runtime's
 * `crypto.subtle.timingSafeEqual`, or, where that extension is absent (connector contract tests run in
 * Node), an XOR over every byte.
 */
function sameLengthEqual(x: Uint8Array, y: Uint8Array): boolean {
  const subtle = crypto.subtle as SubtleCrypto & {
    timingSafeEqual?: (a: Uint8Array, b: Uint8Array) => boolean;
  };
  if (typeof subtle.timingSafeEqual === 'function') return subtle.timingSafeEqual(x, y);
  let diff = 0;
  for (let i = 0; i < x.byteLength; i++) diff |= (x[i] as number) ^ (y[i] as number);
  return diff === 0;
}

/**
 * The one constant-time comparison: every secret, token, signature or credential check goes through
 * it (or `timingSafeEqualText`), so none leaks through timing.
 */
export function timingSafeEqualBytes(x: Uint8Array, y: Uint8Array): boolean {
  if (x.byteLength !== y.byteLength) {
    // Still do the work so a length mismatch is not faster than a content mismatch.
    sameLengthEqual(x, x);
    return false;
  }
  return sameLengthEqual(x, y);
}

/** Constant-time comparison of two strings (as UTF-8). */
export function timingSafeEqualText(a: string, b: string): boolean {
  return timingSafeEqualBytes(encoder.encode(a), encoder.encode(b));
}

const hmacKeys = new Map<string, Promise<CryptoKey>>();

/** HMAC-SHA256 of a message under a text secret; imported keys are cached per isolate. */
export async function hmacSha256(secret: string, message: string): Promise<ArrayBuffer> {
  let key = hmacKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    hmacKeys.set(secret, key);
  }
  return crypto.subtle.sign('HMAC', await key, encoder.encode(message));
}
