import { Hono } from 'hono';
import { sessionAllowedOrigins } from '../features/merchant/settings';
import type { AppEnv } from '../http/context';
import { contract } from '../http/contract';
import { ApiError } from '../http/errors';
import { fillNonce, newNonce, pageHeaders } from '../http/page-headers';
import { TtlCache } from '../lib/ttl-cache';
import { loadCheckout } from './api/load';
import { clientSessionView } from './api/view';
import { MESSAGES } from './i18n';
import { verifyOrderSignature } from './link-signature';
import { CheckoutPage } from './page/checkout-page';

const FRAME_HEADER = 'x-borda-frame-ancestors';

/**
 * The pages this isolate served lately, in front of the Cache API: a hit then costs a string
 * replace instead of a cache read. Bounded in size, and never kept past the session's expiry (nor
 * past MEMORY_TTL_MS), so it holds exactly what the edge cache holds.
 */
const MEMORY_TTL_MS = 10 * 60 * 1000;
const recentPages = new TtlCache<CachedPage>(MEMORY_TTL_MS, 500);

/** What is cached of a page; `signed`: a seed 004 order's page, which opens only with its URL signature. */
type CachedPage = { template: string; frameAncestors: string[]; signed: boolean };
const SIGNED_HEADER = 'x-borda-signed';

/**
 * GET /checkout/{token}: the hosted page. The first view renders it and puts it in the edge cache
 * until the session expires; later views are served from there. The cached copy holds a nonce
 * placeholder that each response replaces with a fresh nonce, so caching never weakens the CSP.
 * Only the status is live (the script fetches it), so a cached page can never pay a session that
 * is paid or expired: the SessionDO refuses whatever the page shows.
 */
export const checkoutPageRoutes = new Hono<AppEnv>().get(
  '/checkout/:token',
  contract({
    operationId: 'checkoutPage',
    summary: 'The hosted checkout page the customer is sent to (HTML)',
    tag: 'Checkout page',
    auth: 'customer',
    ok: { 200: { description: 'The page', media: 'text/html' } },
    errors: ['not_found'],
  }),
  async (c) => {
    const token = c.req.param('token');
    const key = new Request(new URL(`/checkout/${encodeURIComponent(token)}`, c.req.url).toString());
    const cache = caches.default;
    const remembered = recentPages.get(key.url);
    const hit = remembered ? null : await cache.match(key);
    let template: string;
    let frameAncestors: string[];
    let signed: boolean;
    if (remembered) {
      ({ template, frameAncestors, signed } = remembered);
    } else if (hit) {
      template = await hit.text();
      frameAncestors = JSON.parse(hit.headers.get(FRAME_HEADER) ?? '[]') as string[];
      signed = hit.headers.get(SIGNED_HEADER) === '1';
      const ttl = Number(/max-age=(\d+)/.exec(hit.headers.get('cache-control') ?? '')?.[1] ?? 0) * 1000;
      if (ttl > 0) {
        recentPages.set(
          key.url,
          { template, frameAncestors, signed },
          Date.now(),
          Math.min(ttl, MEMORY_TTL_MS),
        );
      }
    } else {
      const now = Date.now();
      let checkout: Awaited<ReturnType<typeof loadCheckout>>;
      try {
        checkout = await loadCheckout(c.get('db'), token);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'not_found') return notFoundPage();
        throw err;
      }
      const view = clientSessionView(checkout, now);
      const page = (
        <CheckoutPage view={view} token={checkout.session.id} year={new Date(now).getUTCFullYear()} />
      );
      template = `<!doctype html>${await page.toString()}`;
      frameAncestors = checkout.merchant.allowedOrigins;
      signed = checkout.session.dialect === 'seed004';
      const ttl = Math.floor((checkout.session.expiresAt - now) / 1000);
      if (ttl > 0) {
        recentPages.set(
          key.url,
          { template, frameAncestors, signed },
          now,
          Math.min(ttl * 1000, MEMORY_TTL_MS),
        );
        const stored = new Response(template, {
          headers: {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': `public, max-age=${ttl}`,
            [FRAME_HEADER]: JSON.stringify(frameAncestors),
            [SIGNED_HEADER]: signed ? '1' : '0',
          },
        });
        c.executionCtx.waitUntil(cache.put(key, stored));
      }
    }
    // The cached page keeps its markup, but who may frame it is a setting of the session's mode, read
    // on every view: an origin the merchant removed stops framing the page on the next request.
    if (remembered || hit)
      frameAncestors = (await sessionAllowedOrigins(c.get('db'), token)) ?? frameAncestors;
    // Seed 004: the page verifies the signature its checkout_url carries, on cache hits too.
    if (signed && !(await verifyOrderSignature(c.get('platform').secrets, token, c.req.query('signature'))))
      return notFoundPage();
    const nonce = newNonce();
    return new Response(fillNonce(template, nonce), {
      headers: { ...pageHeaders(nonce, frameAncestors), 'x-borda-cache': remembered || hit ? 'hit' : 'miss' },
    });
  },
);

function notFoundPage(): Response {
  const nonce = newNonce();
  const text = `${MESSAGES['pt-BR']['page.not_found']} / ${MESSAGES.es['page.not_found']} / ${MESSAGES.en['page.not_found']}`;
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Borda</title></head><body><main><p>${text}</p></main></body></html>`;
  return new Response(body, { status: 404, headers: pageHeaders(nonce, []) });
}
