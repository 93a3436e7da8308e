import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER, card, clientPost, pay, status, VISA_OK } from './client-helpers';
import { api, call, createSession, type Merchant, newMerchant } from './helpers';

let m: Merchant;
beforeAll(async () => {
  m = await newMerchant({ name: 'Loja da Maria', country: 'BRA', allowed_origins: ['https://shop.example'] });
});

const cardSession = (extra: Record<string, unknown> = {}) =>
  createSession(m.secret_keys.test, {
    payment_method: null,
    success_url: 'https://shop.example/ok?cs={CHECKOUT_SESSION_ID}',
    cancel_url: 'https://shop.example/cancel',
    payment_settings: [{ payment_type: 'card', max_installments: 6 }],
    ...extra,
  });

describe('GET /c/v1/sessions/{token}', () => {
  it('shows what the page needs, with each method and what it charges', async () => {
    const s = await cardSession({
      description: 'Pedido <b>42</b>',
      customer: { name: 'Ana', email: 'ana@example.com' },
    });
    const res = await call(`/c/v1/sessions/${s.token}`);
    expect(res.status).toBe(200);
    const view = (await res.json()) as Record<string, unknown> & {
      methods: Array<{
        method: string;
        amount: number;
        installments: Array<{ count: number; amount: number }>;
      }>;
    };
    expect(view).toMatchObject({
      id: s.token,
      status: 'open',
      livemode: false,
      merchant: { name: 'Loja da Maria' },
      description: 'Pedido <b>42</b>',
      amount: 15000,
      currency: 'BRL',
      locale: 'pt-BR',
      document_required: true,
      customer: { name: 'Ana', email: 'ana@example.com', document: null },
    });
    expect(view.amount_formatted).toMatch(/^R\$\s150,00$/);
    expect(view.methods.map((x) => x.method)).toEqual(['pix', 'boleto', 'bank_transfer', 'picpay', 'card']);
    const cardMethod = view.methods.find((x) => x.method === 'card');
    expect(cardMethod?.installments.map((i) => i.count)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(cardMethod?.installments[5]?.amount).toBe(2500);
    expect(JSON.stringify(view)).not.toContain('success_url');
  });

  it('honours the payment_method restriction and the currency (no PIX outside BRL)', async () => {
    const onlyCard = await cardSession({ payment_method: 'card' });
    const usd = await cardSession({ currency: 'USD' });
    for (const [token, expected] of [
      [onlyCard.token, ['card']],
      [usd.token, ['card']],
    ] as const) {
      const view = (await (await call(`/c/v1/sessions/${token}`)).json()) as {
        methods: Array<{ method: string }>;
      };
      expect(view.methods.map((x) => x.method)).toEqual(expected);
    }
  });

  it('is 404 for an unknown token', async () => {
    expect((await call('/c/v1/sessions/cs_test_nope')).status).toBe(404);
  });
});

describe('card payments through the sandbox', () => {
  it.each([
    ['4000000000000002', 'card_declined'],
    ['4000000000009995', 'insufficient_funds'],
    ['4000000000000069', 'expired_card'],
    ['4000000000000127', 'incorrect_cvc'],
    ['4000000000000119', 'processing_error'],
  ])('%s is declined with %s, leaving the session open', async (number, code) => {
    const s = await cardSession();
    const res = await pay(s.token, { method: 'card', card: card(number) });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { status: string; payment: Record<string, unknown> };
    expect(body.status).toBe('open');
    expect(body.payment).toMatchObject({
      status: 'denied',
      failure_code: code,
      card: { brand: 'visa', last4: number.slice(-4) },
    });
    expect(body.payment.failure_message).toEqual(expect.any(String));
    expect((await status(s.token)).status).toBe('open');
  });

  it('approves 4242 4242 4242 4242 in 3 installments: paid, success_url with the id, events written', async () => {
    const s = await cardSession();
    const res = await pay(s.token, { method: 'card', card: card('4242 4242 4242 4242'), installments: 3 });
    const body = (await res.json()) as {
      status: string;
      redirect_url: string;
      payment: Record<string, unknown>;
    };
    expect(body.status).toBe('paid');
    expect(body.payment).toMatchObject({
      status: 'paid',
      installments: 3,
      amount: 15000,
      gateway: 'sandbox',
    });
    expect(body.redirect_url).toBe(`https://shop.example/ok?cs=${s.token}`);
    const st = await status(s.token);
    expect(st).toMatchObject({ status: 'paid', redirect_url: body.redirect_url });
    const { results } = await env.DB.prepare('SELECT type FROM events WHERE session_id = ? ORDER BY rowid')
      .bind(s.token)
      .all();
    expect(results.map((r) => r.type)).toEqual(['payment.success', 'checkout_session.finished']);
  });

  it('lets the customer retry after a decline, keeping both attempts', async () => {
    const s = await cardSession();
    await pay(s.token, { method: 'card', card: card('4000000000000002') });
    const ok = await pay(s.token, { method: 'card', card: card(VISA_OK) });
    expect(((await ok.json()) as { status: string }).status).toBe('paid');
    const merchantView = (await (
      await api(`/api/v1/checkout/sessions/${s.token}`, m.secret_keys.test)
    ).json()) as {
      payments: Array<{ status: string }>;
    };
    expect(merchantView.payments.map((p) => p.status)).toEqual(['denied', 'paid']);
  });

  it('refuses every attempt once the session is paid', async () => {
    const s = await cardSession();
    await pay(s.token, { method: 'card', card: card(VISA_OK) });
    const again = await pay(s.token, { method: 'card', card: card(VISA_OK) });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'session_paid' });
  });

  it.each([
    [{ number: '4242424242424241' }, 'card.number', 'invalid_number'],
    [{ cvc: '12' }, 'card.cvc', 'invalid_cvc'],
    [{ exp_year: 2020 }, 'card.exp_year', 'expired_card'],
  ])('refuses a malformed card %# with 422 naming the field', async (patch, field, code) => {
    const s = await cardSession();
    const res = await pay(s.token, { method: 'card', card: card(VISA_OK, patch) });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ field, code }] });
    expect((await status(s.token)).payment).toBeNull();
  });

  it('refuses more installments than offered, a method not offered, and a bad CPF', async () => {
    const s = await cardSession({ payment_method: 'card' });
    const tooMany = await pay(s.token, { method: 'card', card: card(VISA_OK), installments: 7 });
    expect(await tooMany.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'installments' }],
    });
    const pix = await pay(s.token, { method: 'pix' });
    expect(pix.status).toBe(422);
    expect(await pix.json()).toMatchObject({ code: 'method_not_available' });
    const badDoc = await clientPost(s.token, '/payments', {
      method: 'card',
      card: card(VISA_OK),
      customer: { ...CUSTOMER, document: '111.111.111-11' },
    });
    expect(await badDoc.json()).toMatchObject({
      errors: [{ field: 'customer.document', code: 'invalid_document' }],
    });
  });

  it('charges once when two payments race on one session', async () => {
    const s = await cardSession();
    const results = await Promise.all([
      pay(s.token, { method: 'card', card: card(VISA_OK) }),
      pay(s.token, { method: 'card', card: card(VISA_OK) }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.status === 409) as Response;
    expect(['payment_in_progress', 'session_paid']).toContain(
      ((await loser.json()) as { code: string }).code,
    );
    const { results: paid } = await env.DB.prepare(
      "SELECT id FROM payments WHERE session_id = ? AND status = 'paid'",
    )
      .bind(s.token)
      .all();
    expect(paid).toHaveLength(1);
  });
});

describe('refusals and cross-site protection', () => {
  it('refuses a payment from a foreign origin with 403, and allows the merchant origin', async () => {
    const s = await cardSession();
    const foreign = await pay(
      s.token,
      { method: 'card', card: card(VISA_OK) },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    expect((await status(s.token)).payment).toBeNull();
    const allowed = await pay(
      s.token,
      { method: 'card', card: card(VISA_OK) },
      { origin: 'https://shop.example' },
    );
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });

  it('gives CORS headers to allowed origins only', async () => {
    const s = await cardSession();
    const ok = await call(`/c/v1/sessions/${s.token}/status`, {
      headers: { origin: 'https://shop.example' },
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const no = await call(`/c/v1/sessions/${s.token}/status`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses payment on an expired session, expiring it on the spot with one event', async () => {
    const s = await cardSession();
    await env.DB.prepare('UPDATE checkout_sessions SET expires_at = ? WHERE id = ?')
      .bind(Date.now() - 1, s.token)
      .run();
    const res = await pay(s.token, { method: 'card', card: card(VISA_OK) });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'session_expired', session_status: 'expired' });
    const { results } = await env.DB.prepare('SELECT type FROM events WHERE session_id = ?')
      .bind(s.token)
      .all();
    expect(results.map((r) => r.type)).toEqual(['checkout_session.expired']);
  });

  it('lets the customer cancel: canceled, cancel_url, and no payment after', async () => {
    const s = await cardSession();
    const res = await clientPost(s.token, '/cancel', {});
    expect(await res.json()).toMatchObject({
      status: 'canceled',
      redirect_url: 'https://shop.example/cancel',
    });
    const after = await pay(s.token, { method: 'card', card: card(VISA_OK) });
    expect(await after.json()).toMatchObject({ code: 'session_canceled' });
  });

  it('refuses payments on live sessions while no live gateway exists, without charging', async () => {
    const s = await createSession(m.secret_keys.live, { payment_method: 'card' });
    const res = await pay(s.token, { method: 'card', card: card(VISA_OK) });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: 'no_gateway' });
  });
});

describe('card data', () => {
  it('never lands in D1: no table holds a card number or CVC after payments', async () => {
    const numbers = [VISA_OK, '4000000000000002', '5555555555554444'];
    for (const n of numbers) {
      const s = await cardSession();
      await pay(s.token, { method: 'card', card: card(n, { cvc: '987' }) });
    }
    const { results: tables } = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations'",
    ).all<{ name: string }>();
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['payments', 'events', 'idempotency_keys']),
    );
    for (const { name } of tables) {
      const { results } = await env.DB.prepare(`SELECT * FROM "${name}"`).all();
      const dump = JSON.stringify(results);
      for (const n of numbers) {
        expect(dump).not.toContain(n);
        expect(dump).not.toContain(n.slice(0, 12));
      }
      expect(dump).not.toMatch(/"cvc"|"987"/);
    }
  });
});

describe('PIX for merchants whose name has no ASCII', () => {
  it('still issues a valid BR Code, with a neutral name', async () => {
    const ru = await newMerchant({ name: 'Магазин', country: 'BRA', city: '東京' });
    const s = await createSession(ru.secret_keys.test, { payment_method: 'pix' });
    const res = await pay(s.token, { method: 'pix' });
    const body = (await res.json()) as { payment: { status: string; pix: { qr_code: string } } };
    expect(body.payment.status).toBe('pending');
    expect(body.payment.pix.qr_code).toContain('5904LOJA');
    expect(body.payment.pix.qr_code).toContain('6009SAO PAULO');
  });
});
