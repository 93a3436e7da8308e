import { beforeAll, describe, expect, it } from 'vitest';
import { appRoutes, fillPath, paramsOf } from './app-routes';
import { CUSTOMER, clientPost } from './client-helpers';
import { api, call, createSession, type Merchant, newMerchant } from './helpers';
import { paidPayment, refund } from './refund-helpers';

/**
 * Every route that takes an id, tried with another merchant's id and with the other mode's key:
 * the object is never shown or changed (404), and the owner's own key still reaches it (so the id
 * used is real). The routes come from the app itself; a new route with an id this file cannot fill
 * fails the suite until it is added below.
 */
let a: Merchant;
let b: Merchant;
let ids: Record<string, string> = {};
let otherToken = '';
let otherPayment = '';

beforeAll(async () => {
  [a, b] = await Promise.all([newMerchant({ name: 'A' }), newMerchant({ name: 'B' })]);
  const s = await createSession(a.secret_keys.test, { payment_method: 'pix' });
  const paid = await clientPost(s.token, '/payments', { method: 'pix', customer: CUSTOMER });
  expect(paid.status).toBe(201);
  const payment = ((await paid.json()) as { payment: { id: string } }).payment.id;
  const events = (await (await api('/api/v1/events', a.secret_keys.test)).json()) as {
    data: { id: string }[];
  };
  const gw = await api('/api/v1/gateways', a.secret_keys.test, {
    body: { gateway: 'sandbox', credentials: {} },
  });
  expect(gw.status).toBe(201);
  const seed003 = await api('/v1/payment', a.secret_keys.test, {
    body: {
      customer_id: 'c-1',
      name: 'João da Silva',
      email: 'joao@example.com',
      document: '12345678909',
      amount: 300.1,
      currency: 'USD',
      payment_method: 'pix',
      callback: 'https://hooks.tenant-a.com/seed003',
      transaction: { id: `tx-${Date.now()}` },
    },
  });
  expect(seed003.status, await seed003.clone().text()).toBe(201);
  // A refund of A's (a paid card payment, refunded in part) for the refund routes.
  const card = await paidPayment(a, 'card', { amount: 10000 });
  const r = await refund(a, card.paymentId, { amount: 100 });
  expect(r.status).toBe(201);
  const endpoint = await api('/api/v1/webhook_endpoints', a.secret_keys.test, {
    body: { url: 'https://hooks.tenant-a.com/endpoint' },
  });
  expect(endpoint.status).toBe(201);
  ids = {
    webhookEndpoint: ((await endpoint.json()) as { id: string }).id,
    refund: r.body.id as string,
    seed003: ((await seed003.json()) as { id: string }).id,
    token: s.token,
    payment,
    event: events.data[0]?.id ?? '',
    gateway: ((await gw.json()) as { id: string }).id,
  };
  // A second session of B, for the public client routes: its token with A's payment id.
  const t = await createSession(b.secret_keys.test, { payment_method: 'pix' });
  otherToken = t.token;
  const op = await clientPost(t.token, '/payments', { method: 'pix', customer: CUSTOMER });
  otherPayment = ((await op.json()) as { payment: { id: string } }).payment.id;
});

/** Which fixture fills a route's id parameter; null for routes whose parameter is not an owned id. */
function idFor(path: string, param: string): string | null | undefined {
  if (param === 'token') return ids.token;
  if (param === 'paymentId') return ids.payment;
  if (param === '*' || param === 'slug') return null;
  if (param === 'merchantId') return null; // inbound gateway webhooks: see live-guards.test.ts
  // The customer's bank-details page is reached by its HMAC link, not a key (see refunds tests); the
  // dev mailbox exists only where npm start turns it on (see notification tests).
  if (param === 'mac' || path.startsWith('/refunds/') || path.startsWith('/dev/mailbox/')) return null;
  // An order's customer link, guarded by its signature like the checkout page (see orders tests).
  if (path.startsWith('/checkout/orders/')) return null;
  // The control panel signs people in with a cookie, not a key: test/runtime/panel-scope.test.ts
  // tries every panel route with another merchant's and the other mode's objects.
  if (path.startsWith('/dashboard/')) return null;
  // The operator's admin token reaches every merchant by design (admin.test.ts).
  if (path.startsWith('/admin/')) return null;
  if (param === 'id') {
    if (path.startsWith('/v1/payment/')) return ids.seed003;
    if (/\/payments?\/:id/.test(path)) return ids.payment;
    if (path.startsWith('/api/v1/events/')) return ids.event;
    if (/\/refunds\/:id/.test(path)) return ids.refund;
    if (path.startsWith('/api/v1/gateways/')) return ids.gateway;
    if (path.startsWith('/api/v1/webhook_endpoints/')) return ids.webhookEndpoint;
  }
  return undefined;
}

/** A valid body for each keyed route, so the answer is about the id, not the body. */
const body = (method: string, path = '') =>
  method === 'GET' || method === 'DELETE' || method === 'OPTIONS'
    ? undefined
    : method === 'PATCH'
      ? { enabled: true }
      : /\/payments\/:id\/refunds$/.test(path)
        ? { amount: 1 }
        : /\/refunds\/:id\/simulate$/.test(path)
          ? { outcome: 'succeeded' }
          : /\/payments\/:id\/accept$/.test(path) || /\/refunds\/:id\/confirm$/.test(path)
            ? {}
            : { outcome: 'paid' };

describe('objects of one merchant and mode', () => {
  it('every route with an id has a fixture here', () => {
    const unfilled = appRoutes().flatMap((r) =>
      paramsOf(r.path)
        .filter((p) => idFor(r.path, p) === undefined)
        .map((p) => `${r.method} ${r.path} (:${p})`),
    );
    expect(unfilled).toEqual([]);
  });

  it("answer 404 to another merchant's key and to the other mode's key, on every keyed route", async () => {
    const keyed = appRoutes().filter(
      (r) => /^\/(api\/v1|v1)\//.test(r.path) && paramsOf(r.path).some((p) => idFor(r.path, p)),
    );
    expect(keyed.length).toBeGreaterThanOrEqual(9);
    const leaks: string[] = [];
    for (const r of keyed) {
      const path = fillPath(
        r.path,
        Object.fromEntries(paramsOf(r.path).map((p) => [p, idFor(r.path, p) ?? 'x'])),
      );
      for (const [who, key] of [
        ['merchant B (test)', b.secret_keys.test],
        ['merchant B (live)', b.secret_keys.live],
        ["A's live key", a.secret_keys.live],
      ] as const) {
        const res = await api(path, key, { method: r.method, body: body(r.method, r.path) });
        // 403: a test-only route refuses every live key before it looks anything up.
        const refused = res.status === 404 || (res.status === 403 && key.startsWith('sk_live_'));
        if (!refused) leaks.push(`${r.method} ${path} with ${who}: ${res.status} ${await res.text()}`);
      }
    }
    expect(leaks).toEqual([]);
    // The ids were real: the owner's key reaches each object (last, since some of these change it).
    for (const r of keyed) {
      const path = fillPath(
        r.path,
        Object.fromEntries(paramsOf(r.path).map((p) => [p, idFor(r.path, p) ?? 'x'])),
      );
      const res = await api(path, a.secret_keys.test, { method: r.method, body: body(r.method, r.path) });
      expect(res.status, `${r.method} ${path} with the owner's key`).not.toBe(404);
    }
  });

  it("a session token, the client API's only credential (seed 004 orders too), carries over 128 random bits", async () => {
    const tokens = await Promise.all(
      Array.from({ length: 20 }, () => createSession(a.secret_keys.test).then((s) => s.token)),
    );
    // 24 base62 characters: 24 × log2(62) ≈ 142.9 bits.
    for (const t of tokens) expect(t).toMatch(/^cs_test_[0-9A-Za-z]{24}$/);
    expect(new Set(tokens.map((t) => t.slice(8))).size).toBe(tokens.length);
  });

  it("a session's token never opens another session's payment on the public client routes", async () => {
    const routes = appRoutes().filter((r) => paramsOf(r.path).includes('paymentId'));
    expect(routes.length).toBeGreaterThanOrEqual(3);
    for (const r of routes) {
      const res = await call(fillPath(r.path, { token: otherToken, paymentId: ids.payment ?? '' }), {
        method: r.method,
      });
      expect(res.status, `${r.method} ${r.path}`).toBe(404);
      const own = await call(fillPath(r.path, { token: otherToken, paymentId: otherPayment }), {
        method: r.method,
      });
      // Its own payment (a PIX) answers, or says there is no artifact of that kind (404 for boleto).
      expect([200, 404], `${r.method} ${r.path} own`).toContain(own.status);
    }
  });
});
