import { describe, expect, it } from 'vitest';
import { bearerToken, dropToken, REFRESH_MARGIN_MS, tokenCacheKey } from '../../src/gateways/oauth-token';

describe('the per-isolate OAuth2 token cache', () => {
  it('keys tokens by a SHA-256 of endpoint and credentials, never by the secret in clear', async () => {
    const key = await tokenCacheKey('https://t.example/oauth2/token', 'client-1', 'the-secret-value');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain('the-secret-value');
    expect(await tokenCacheKey('https://t.example/oauth2/token', 'client-1', 'other-secret')).not.toBe(key);
    expect(await tokenCacheKey('https://u.example/oauth2/token', 'client-1', 'the-secret-value')).not.toBe(
      key,
    );
  });

  it('shares one exchange among concurrent callers, reuses the token, and refreshes inside the margin', async () => {
    const key = await tokenCacheKey('https://t.example/oauth2/token', 'client-2', 's');
    let exchanges = 0;
    const now = 1_000_000;
    const exchange = async () => {
      exchanges += 1;
      await new Promise((r) => setTimeout(r, 20));
      return { accessToken: `tok-${exchanges}`, expiresAt: now + 10 * 60_000 };
    };
    const tokens = await Promise.all([1, 2, 3].map(() => bearerToken(key, now, exchange)));
    expect(tokens).toEqual(['tok-1', 'tok-1', 'tok-1']);
    expect(await bearerToken(key, now + 60_000, exchange)).toBe('tok-1');
    // Within the margin before expiry the token is not used any more: a new exchange.
    expect(await bearerToken(key, now + 10 * 60_000 - REFRESH_MARGIN_MS, exchange)).toBe('tok-2');
    dropToken(key);
    expect(await bearerToken(key, now, exchange)).toBe('tok-3');
  });

  it('caches nothing when the exchange fails', async () => {
    const key = await tokenCacheKey('https://t.example/oauth2/token', 'client-3', 's');
    await expect(
      bearerToken(key, 0, async () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await bearerToken(key, 0, async () => ({ accessToken: 'ok', expiresAt: 10 * 60_000 }))).toBe('ok');
  });
});
