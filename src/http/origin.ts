import type { Context } from 'hono';
import { ApiError } from './errors';
import { baseUrlOf } from './problem';

/** The checkout's own origin plus the merchant's allowed origins (its shop, its embedding pages). */
export function isAllowedOrigin(c: Context, origin: string, merchantOrigins: string[]): boolean {
  return origin === new URL(c.req.url).origin || origin === baseUrlOf(c) || merchantOrigins.includes(origin);
}

/**
 * State-changing client requests must come from the checkout itself or an origin the merchant
 * allowed. Browsers always send Origin on a cross-site POST; a request without one is not a
 * browser acting for another site (a mobile app, a server), so it passes unless Sec-Fetch-Site
 * says cross-site.
 */
export function assertSameSiteOrAllowed(c: Context, merchantOrigins: string[]): void {
  const origin = c.req.header('origin');
  if (origin === undefined) {
    if (c.req.header('sec-fetch-site') === 'cross-site') throw crossSite();
    return;
  }
  if (!isAllowedOrigin(c, origin, merchantOrigins)) throw crossSite();
}

function crossSite(): ApiError {
  return new ApiError('forbidden', 'Cross-site requests to the checkout are refused.');
}

/** CORS headers for an allowed origin; nothing for others, so the browser blocks them. */
export function corsHeaders(c: Context, merchantOrigins: string[]): Record<string, string> {
  const origin = c.req.header('origin');
  const headers: Record<string, string> = { vary: 'Origin' };
  if (origin && isAllowedOrigin(c, origin, merchantOrigins)) {
    headers['access-control-allow-origin'] = origin;
    headers['access-control-allow-methods'] = 'GET, POST, OPTIONS';
    headers['access-control-allow-headers'] = 'content-type, idempotency-key';
    headers['access-control-max-age'] = '600';
  }
  return headers;
}
