import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, verifyTotp } from '../../src/lib/totp';

// RFC 6238 appendix B: the SHA-1 secret is the ASCII of "12345678901234567890".
const RFC_SECRET = new TextEncoder().encode('12345678901234567890');

describe('TOTP', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('matches RFC 6238 at T=%i', async (t, code) => {
    expect(await hotp(RFC_SECRET, Math.floor(t / 30), 8)).toBe(code);
  });

  it('round-trips base32 and accepts the current code once, one step either side, never older', async () => {
    const b32 = base32Encode(RFC_SECRET);
    expect(b32).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(base32Decode(b32)).toEqual(RFC_SECRET);
    const now = 59_000;
    const code = (await hotp(RFC_SECRET, 1)).slice(-6);
    expect(await verifyTotp(b32, code, now, null)).toBe(1);
    expect(await verifyTotp(b32, code, now, 1)).toBeNull(); // replay
    expect(await verifyTotp(b32, code, now + 30_000, null)).toBe(1); // one step late
    expect(await verifyTotp(b32, code, now + 60_000, null)).toBeNull(); // two steps late
    expect(await verifyTotp(b32, '12345', now, null)).toBeNull();
  });
});
