import { randomBytes } from './random';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Uniform random base62 string. Rejection sampling (bytes >= 248 are dropped) keeps every character
 * equally likely, so `length` characters carry length * log2(62) ≈ 5.95 bits each.
 */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    const bytes = randomBytes(length + 8);
    for (let i = 0; i < bytes.length && out.length < length; i++) {
      const b = bytes[i] as number;
      if (b < 248) out += ALPHABET[b % 62];
    }
  }
  return out;
}

/** 24 base62 characters ≈ 142 bits: ids that double as bearer tokens stay unguessable. */
export const TOKEN_CHARS = 24;

export function newId(prefix: string, chars = TOKEN_CHARS): string {
  return `${prefix}_${randomBase62(chars)}`;
}
