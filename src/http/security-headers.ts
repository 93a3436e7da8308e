import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './context';

/** For an HTML page that brought no policy of its own: nothing runs, nothing loads, nobody frames it. */
export const FALLBACK_HTML_CSP =
  "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The floor under every response: `nosniff` everywhere, and an HTML response without its own
 * Content-Security-Policy (one a route forgot, or a future one) gets the strictest policy and no
 * framing. Pages with scripts (checkout, boleto, /docs) set their own nonce policy in
 * src/checkout/page/headers.ts; this never loosens one.
 */
export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const html = (c.res.headers.get('content-type') ?? '').toLowerCase().startsWith('text/html');
  const missing: Record<string, string> = {};
  if (!c.res.headers.has('x-content-type-options')) missing['x-content-type-options'] = 'nosniff';
  if (html && !c.res.headers.has('content-security-policy')) {
    missing['content-security-policy'] = FALLBACK_HTML_CSP;
    missing['referrer-policy'] = 'no-referrer';
  }
  if (Object.keys(missing).length === 0) return;
  try {
    for (const [k, v] of Object.entries(missing)) c.res.headers.set(k, v);
  } catch {
    // Immutable headers (a response straight from fetch or the cache): copy it once.
    const res = new Response(c.res.body, c.res);
    for (const [k, v] of Object.entries(missing)) res.headers.set(k, v);
    c.res = res;
  }
});
