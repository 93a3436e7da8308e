import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { card, pay, VISA_OK } from './client-helpers';
import { api, call, type Merchant, newMerchant } from './helpers';
import { stubReceiver, waitFor } from './webhook-helpers';

let m: Merchant;
let other: Merchant;
let stub: ReturnType<typeof stubReceiver> | null = null;
afterEach(() => stub?.restore());
beforeAll(async () => {
  [m, other] = await Promise.all([
    newMerchant({
      name: 'Tienda Fintoc',
      country: 'CHL',
      notification_url: 'https://hooks.tienda-fintoc.com/webhooks/borda',
    }),
    newMerchant({ name: 'Otra Tienda', country: 'CHL' }),
  ]);
});

type Created = Record<string, unknown> & { id: string; session_token: string };

/** Seed 002's curl example, sent with its raw `Authorization: <secret key>` header as the document does. */
async function createDocSession(
  body: Record<string, unknown> = {},
  key = m.secret_keys.test,
): Promise<Created> {
  const res = await call('/v1/checkout_sessions', {
    method: 'POST',
    headers: { authorization: key, 'content-type': 'application/json' },
    body: JSON.stringify({ amount: 2476, currency: 'CLP', customer_email: 'name@example.com', ...body }),
  });
  expect(res.status).toBe(201);
  return res.json();
}

function widgetSession(token: string, publicKey: string) {
  const q = new URLSearchParams({ token, public_key: publicKey });
  return call(`/c/v1/widget/session?${q}`, { headers: { origin: 'https://shop.example.com' } });
}

describe('seed 002 dialect: POST /v1/checkout_sessions', () => {
  it("answers the document's curl example with every field of its response shape", async () => {
    const before = Date.now();
    const body = await createDocSession();
    expect(Object.keys(body).sort()).toEqual(
      [
        'id',
        'created_at',
        'object',
        'currency',
        'amount',
        'customer_email',
        'expires_at',
        'mode',
        'return_url',
        'status',
        'session_token',
        'metadata',
      ].sort(),
    );
    expect(body).toMatchObject({
      id: expect.stringMatching(/^cs_test_[0-9A-Za-z]{24}$/),
      object: 'checkout_session',
      currency: 'CLP',
      amount: 2476,
      customer_email: 'name@example.com',
      mode: 'test',
      return_url: null,
      status: 'created',
      metadata: {},
    });
    expect(body.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(String(body.created_at))).toBeGreaterThanOrEqual(before - 1000);
    expect(body.expires_at).toMatch(/^\d+$/);
    expect(Number(body.expires_at)).toBeGreaterThan(Math.floor(before / 1000));
    expect(body.session_token).toMatch(new RegExp(`^${body.id}_sec_[0-9A-Za-z_-]{24}$`));
    // The canonical session behind it: CLP in Chile, the email prefilled, a generated order id.
    const canonical = (await (
      await api(`/api/v1/checkout/sessions/${body.id}`, m.secret_keys.test)
    ).json()) as {
      country: string;
      customer: { email: string };
      merchant_order_id: string;
      checkout_url: string;
    };
    expect(canonical).toMatchObject({ country: 'CHL', customer: { email: 'name@example.com' } });
    expect(canonical.merchant_order_id).toMatch(/^fcs_[0-9A-Za-z]+$/);
    // The hosted page keeps working with the plain session id.
    expect((await call(`/checkout/${body.id}`)).status).toBe(200);
  });

  it("takes the Node.js example's lower-case currency, Bearer auth, metadata and return_url as given", async () => {
    const res = await api('/v1/checkout_sessions', '', {
      headers: { authorization: `Bearer ${m.secret_keys.test}` },
      body: {
        amount: 1000,
        currency: 'clp',
        customer_email: 'name@example.com',
        metadata: { order_id: '#12513' },
        return_url: 'https://example.com/return?id={CHECKOUT_SESSION_ID}',
      },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      currency: 'CLP',
      amount: 1000,
      metadata: { order_id: '#12513' },
      return_url: 'https://example.com/return?id={CHECKOUT_SESSION_ID}',
    });
  });

  it('takes MXN and a live key', async () => {
    const body = await createDocSession({ currency: 'mxn', customer_email: undefined }, m.secret_keys.live);
    expect(body).toMatchObject({ currency: 'MXN', mode: 'live', customer_email: null });
    expect(body.id).toMatch(/^cs_live_/);
  });

  it.each([
    [{ currency: 'xyz' }, 'currency'],
    [{ amount: 24.76 }, 'amount'],
    [{ amount: 0 }, 'amount'],
    [{ amount: 10_000_000_000 }, 'amount'],
    [{ product: 'payments' }, 'product'],
    [{ customer_email: 'not-an-email' }, 'customer_email'],
    [{ return_url: 'https://a.example/x', success_url: 'https://b.example/y' }, 'return_url'],
  ])('refuses %o with 422 naming %s', async (patch, field) => {
    const res = await api('/v1/checkout_sessions', m.secret_keys.test, {
      body: { amount: 2476, currency: 'CLP', ...patch },
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((e) => e.field)).toContain(field);
  });

  it('refuses a public key on the merchant API', async () => {
    const res = await call('/v1/checkout_sessions', {
      method: 'POST',
      headers: { authorization: m.public_keys.test, 'content-type': 'application/json' },
      body: JSON.stringify({ amount: 2476, currency: 'CLP' }),
    });
    expect(res.status).toBe(401);
  });
});

describe('widget session check: GET /c/v1/widget/session', () => {
  it("answers the session for the merchant's own public key, with CORS for any page", async () => {
    const s = await createDocSession();
    const res = await widgetSession(s.session_token, m.public_keys.test);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toMatchObject({
      session_id: s.id,
      status: 'open',
      checkout_url: `https://borda.test/checkout/${s.id}`,
      expires_at: s.expires_at,
    });
  });

  it.each([
    ["another merchant's public key", () => other.public_keys.test, 404],
    ['a secret key', () => m.secret_keys.test, 401],
    ['a live public key for a test session', () => m.public_keys.live, 404],
    ['an unknown public key', () => 'pk_test_0000000000000000000000', 401],
    ['no key', () => '', 400],
  ])('refuses %s', async (_label, key, status) => {
    const s = await createDocSession();
    const res = await widgetSession(s.session_token, key());
    expect(res.status).toBe(status);
    // Refusals are readable cross-origin, so the widget can hand the reason to onExit.
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('names the query parameter that is missing', async () => {
    const res = await widgetSession('', '');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'invalid_request',
      errors: [
        { field: 'token', code: 'required' },
        { field: 'public_key', code: 'required' },
      ],
    });
  });

  it('refuses a forged or altered session token', async () => {
    const s = await createDocSession();
    const forged = `${s.id}_sec_${'A'.repeat(24)}`;
    expect((await widgetSession(forged, m.public_keys.test)).status).toBe(404);
    const t = await createDocSession();
    // A valid secret moved onto another session id is not that session's token.
    const swapped = `${t.id}_sec_${s.session_token.split('_sec_')[1]}`;
    expect((await widgetSession(swapped, m.public_keys.test)).status).toBe(404);
  });

  it('refuses a token older than 10 minutes', async () => {
    const s = await createDocSession();
    await env.DB.prepare('UPDATE checkout_sessions SET created_at = ? WHERE id = ?')
      .bind(Date.now() - 10 * 60 * 1000 - 1000, s.id)
      .run();
    const res = await widgetSession(s.session_token, m.public_keys.test);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'forbidden', detail: expect.stringMatching(/expired/) });
  });
});

describe('widget script: GET /js/v1/checkout.js', () => {
  it('serves vanilla JS with long caching, CORS and an SRI hash equal to sha384 of the bytes', async () => {
    const res = await call('/js/v1/checkout.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toMatch(/max-age=31536000/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('window.Borda');
    expect(text).toContain('/c/v1/widget/session');
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
    const expected = `sha384-${btoa(String.fromCharCode(...digest))}`;
    expect(res.headers.get('x-borda-sri')).toBe(expected);
    const sri = await call('/js/v1/checkout.js.sri');
    expect(sri.status).toBe(200);
    expect(sri.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await sri.text()).toBe(expected);
  });
});

describe('seed 002 events', () => {
  it("sends checkout_session.finished in seed 002's envelope", async () => {
    stub = stubReceiver(() => new Response('OK'));
    const s = await createDocSession({ amount: 15000, currency: 'brl', metadata: { order_id: '#12513' } });
    expect((await pay(s.id, { method: 'card', card: card(VISA_OK) })).status).toBe(201);
    const hit = await waitFor(async () =>
      stub?.received.find((r) => r.body.includes('"checkout_session.finished"') && r.body.includes(s.id)),
    );
    expect(hit.url).toBe('https://hooks.tienda-fintoc.com/webhooks/borda');
    const event = JSON.parse(hit.body) as {
      id: string;
      object: string;
      type: string;
      data: Record<string, unknown>;
    };
    expect(event).toMatchObject({ object: 'event', type: 'checkout_session.finished' });
    expect(event.id).toMatch(/^evt_/);
    expect(JSON.stringify(event.data)).toContain(s.id);
  });
});
