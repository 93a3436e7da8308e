import { Hono } from 'hono';
import { sessionAllowedOrigins } from '../features/merchant/settings';
import type { AppEnv } from '../http/context';
import { contract } from '../http/contract';
import { ApiError } from '../http/errors';
import {
  fillNonceBytes,
  type NonceTemplate,
  newNonce,
  nonceTemplate,
  pageHeaders,
} from '../http/page-headers';
import { TtlCache } from '../lib/ttl-cache';
import { loadCheckoutPage } from './api/load';
import { clientSessionView } from './api/view';
import { MESSAGES } from './i18n';
import { verifyOrderSignature } from './link-signature';
import { CheckoutPage } from './page/checkout-page';

/**
 * The pages this isolate rendered lately: a later view costs a string replace instead of a render.
 * Bounded in size, and never kept past the session's expiry (nor past MEMORY_TTL_MS). There is no
 * shared edge cache behind it: a view in another isolate renders again from the same one read a
 * cached copy would have needed anyway (who may frame the page is read on every view), and a Cache
 * API put and miss on every first view cost more CPU than the render they would save.
 */
const MEMORY_TTL_MS = 10 * 60 * 1000;
const recentPages = new TtlCache<RememberedPage>(MEMORY_TTL_MS, 500);

/** What is remembered of a page; `signed`: a seed 004 order's page, which opens only with its URL signature. */
type RememberedPage = { template: NonceTemplate; frameAncestors: string[]; signed: boolean };

/**
 * GET /checkout/{token}: the hosted page. The first view in an isolate renders it (one D1 read) and
 * remembers it, as UTF-8 bytes cut at the nonce attributes, until the session expires; later views
 * there reuse the markup. The remembered copy
 * holds a nonce placeholder that each response replaces with a fresh nonce, so reuse never weakens
 * the CSP. Only the status is live (the script fetches it), so a remembered page can never pay a
 * session that is paid or expired: the SessionDO refuses whatever the page shows.
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
    const db = c.get('db');
    const remembered = recentPages.get(token);
    let page: RememberedPage;
    let frameAncestors: string[];
    if (remembered) {
      page = remembered;
      // The markup is kept, but who may frame it is a setting of the session's mode, read on every
      // view: an origin the merchant removed stops framing the page on the next request.
      frameAncestors = (await sessionAllowedOrigins(db, token)) ?? page.frameAncestors;
    } else {
      const now = Date.now();
      let checkout: Awaited<ReturnType<typeof loadCheckoutPage>>;
      try {
        checkout = await loadCheckoutPage(db, token);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'not_found') return notFoundPage();
        throw err;
      }
      const view = clientSessionView(checkout, now);
      const markup = (
        <CheckoutPage view={view} token={checkout.session.id} year={new Date(now).getUTCFullYear()} />
      );
      page = {
        template: nonceTemplate(`<!doctype html>${await markup.toString()}`),
        frameAncestors: checkout.merchant.allowedOrigins,
        signed: checkout.session.dialect === 'seed004',
      };
      frameAncestors = page.frameAncestors;
      const ttl = checkout.session.expiresAt - now;
      if (ttl > 0) recentPages.set(token, page, now, Math.min(ttl, MEMORY_TTL_MS));
    }
    // Seed 004: the page verifies the signature its checkout_url carries, on remembered views too.
    if (
      page.signed &&
      !(await verifyOrderSignature(c.get('platform').secrets, token, c.req.query('signature')))
    )
      return notFoundPage();
    const nonce = newNonce();
    return new Response(fillNonceBytes(page.template, nonce), {
      headers: { ...pageHeaders(nonce, frameAncestors), 'x-borda-cache': remembered ? 'hit' : 'miss' },
    });
  },
);

function notFoundPage(): Response {
  const nonce = newNonce();
  const text = `${MESSAGES['pt-BR']['page.not_found']} / ${MESSAGES.es['page.not_found']} / ${MESSAGES.en['page.not_found']}`;
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Borda</title></head><body><main><p>${text}</p></main></body></html>`;
  return new Response(body, { status: 404, headers: pageHeaders(nonce, []) });
}
