import { sha256Hex } from '../lib/crypto';
import { ConnectorError } from './types';

/** A bearer token from an OAuth2 client-credentials exchange, and when it stops being good (ms). */
export type BearerToken = { accessToken: string; expiresAt: number };

/**
 * Tokens are refreshed this long before the gateway says they expire, so a token is never sent in
 * its last seconds (clock skew, a slow request).
 */
export const REFRESH_MARGIN_MS = 60_000;

const cache = new Map<string, BearerToken>();
const inflight = new Map<string, Promise<BearerToken>>();

/**
 * The cache key for one set of credentials at one token endpoint: a SHA-256 of all of them, so the
 * secret never sits in memory as a map key and two merchants never share a token.
 */
export async function tokenCacheKey(
  tokenUrl: string,
  clientId: string,
  clientSecret: string,
): Promise<string> {
  return sha256Hex(`${tokenUrl}\n${clientId}\n${clientSecret}`);
}

/**
 * A valid bearer token for these credentials: from this isolate's cache while it has more than
 * REFRESH_MARGIN_MS left, otherwise from `exchange` (one exchange at a time per key; concurrent
 * callers share it). `exchange` throws ConnectorError on failure; nothing is cached then.
 */
export async function bearerToken(
  key: string,
  now: number,
  exchange: () => Promise<BearerToken>,
): Promise<string> {
  const cached = cache.get(key);
  if (cached && cached.expiresAt - REFRESH_MARGIN_MS > now) return cached.accessToken;
  let pending = inflight.get(key);
  if (!pending) {
    pending = exchange().finally(() => inflight.delete(key));
    inflight.set(key, pending);
  }
  const token = await pending;
  cache.set(key, token);
  return token.accessToken;
}

/** Forgets a token the gateway refused (401), so the next call exchanges the credentials again. */
export function dropToken(key: string): void {
  cache.delete(key);
}

/**
 * Reads a token endpoint's JSON answer (`access_token`, `expires_in` seconds, RFC 6749 §5.1). A
 * missing or non-positive `expires_in` is read as 5 minutes: short enough never to outlive the token.
 */
export function readTokenAnswer(body: unknown, now: number, gateway: string): BearerToken {
  const b = body as { access_token?: unknown; expires_in?: unknown } | null;
  if (!b || typeof b.access_token !== 'string' || b.access_token === '') {
    throw new ConnectorError('retryable', 'gateway_auth', `${gateway} token answer has no access_token`);
  }
  const seconds = typeof b.expires_in === 'number' && b.expires_in > 0 ? b.expires_in : 300;
  return { accessToken: b.access_token, expiresAt: now + seconds * 1000 };
}
