import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyOrderSignature } from '../../src/checkout/link-signature';
import { platform } from '../../src/platform/platform';
import { card, pay, VISA_OK } from './client-helpers';
import { api, call, type Merchant, newMerchant } from './helpers';
import {
  asMerchant,
  type Body,
  DATE_TIME,
  DOC_CPF,
  EXAMPLES,
  orders,
  sandboxOrderFor,
  sessionBehind,
  VALID_CPF,
} from './orders-helpers';

let m: Merchant;
beforeAll(async () => {
  m = await newMerchant({ name: 'Southpayments Store', country: 'BRA' });
});

/** Seed 004's examples and order builders (shared with orders.test.ts). */
const sandboxOrder = (patch: Record<string, unknown> = {}) => sandboxOrderFor(m.merchant_id, patch);

describe('seed 004 dialect: POST /checkout/orders', () => {
  it.each(EXAMPLES)("answers the document's example %s with 201 and the order shape", async (_, example) => {
    // Each example reuses merchant_key "codigo-pedido": a merchant of its own keeps them all creations.
    const merchant = await newMerchant({ name: 'Loja Exemplo', country: 'BRA' });
    const res = await orders(merchant.secret_keys.live, asMerchant(example, merchant));
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'id',
      'amount',
      'checkout_url',
      'status',
      'merchant_key',
      'description',
      'sandbox',
      'created_at',
      'updated_at',
      'customer',
    ]);
    const order = (example as Body).order;
    expect(body).toMatchObject({
      id: expect.stringMatching(/^ord_/),
      amount: order.amount,
      status: 'open',
      merchant_key: 'codigo-pedido',
      description: 'Descrição da cobrança',
      sandbox: false,
      customer: {
        customer_type: 0,
        name: 'João Silva',
        email: 'joao@silva.com',
        phone_country_code: '55',
        phone_number: '11999998877',
        legal_number: VALID_CPF,
      },
    });
    expect(body.created_at).toMatch(DATE_TIME);
    expect(body.updated_at).toBe(body.created_at);
    expect(body.checkout_url).toMatch(
      new RegExp(`^https://borda\\.test/checkout/orders/${body.id}\\?signature=[0-9a-f]{32}$`),
    );
    const sessionId = await sessionBehind(body as { checkout_url: string });
    const canonical = (await (
      await api(`/api/v1/checkout/sessions/${sessionId}`, merchant.secret_keys.live)
    ).json()) as Record<string, unknown>;
    // Nothing of the dialect is kept in the session's metadata.
    expect(canonical.metadata).toEqual({});
    expect(canonical).toMatchObject({
      amount: order.amount,
      currency: 'BRL',
      merchant_order_id: 'codigo-pedido',
    });
    expect((canonical.payment_settings as unknown[]).length).toBe(
      (order.payments_settings as unknown[]).length,
    );
  });

  it("refuses the examples' placeholder CPF 33333333333 (never issued) with 422", async () => {
    const [, example] = EXAMPLES[0] as [string, Record<string, unknown>];
    const res = await orders(m.secret_keys.live, asMerchant(example, m, DOC_CPF));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'order.customer.legal_number', code: 'invalid_document' }],
    });
  });

  it('checks legal_number against customer_type: a CNPJ for 1, a CPF for 0', async () => {
    const cnpj = sandboxOrder();
    (cnpj.order.customer as Record<string, unknown>).customer_type = 1;
    (cnpj.order.customer as Record<string, unknown>).legal_number = '11222333000181';
    expect((await orders(m.secret_keys.test, cnpj)).status).toBe(201);
    const wrong = sandboxOrder();
    (wrong.order.customer as Record<string, unknown>).legal_number = '11222333000181';
    const res = await orders(m.secret_keys.test, wrong);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ field: 'order.customer.legal_number' }] });
  });

  it('refuses to change a paid order (409 order_already_paid, naming the order)', async () => {
    const body = sandboxOrder();
    const created = (await (await orders(m.secret_keys.test, body)).json()) as {
      id: string;
      checkout_url: string;
    };
    expect((await pay(await sessionBehind(created), { method: 'card', card: card(VISA_OK) })).status).toBe(
      201,
    );
    const res = await orders(m.secret_keys.test, { ...body, order: { ...body.order, amount: 999 } });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'order_already_paid', id: created.id });
  });

  it('refuses a merchant_id other than the key owner (422 merchant_mismatch)', async () => {
    const res = await orders(m.secret_keys.test, { ...sandboxOrder(), merchant_id: '4398yfnru3f7813' });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ field: 'merchant_id', code: 'merchant_mismatch' }] });
  });

  it('refuses sandbox disagreeing with the key (422 mode_mismatch); omitted, it follows the key', async () => {
    for (const [key, sandbox] of [
      [m.secret_keys.test, false],
      [m.secret_keys.live, true],
    ] as const) {
      const res = await orders(key, sandboxOrder({ sandbox }));
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ errors: [{ field: 'order.sandbox', code: 'mode_mismatch' }] });
    }
    const res = await orders(m.secret_keys.test, sandboxOrder({ sandbox: undefined }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ sandbox: true });
  });

  it('answers 401 without a key, 400 on broken JSON, 422 on a missing or too long field', async () => {
    const anonymous = await call('/checkout/orders', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(sandboxOrder()),
    });
    expect(anonymous.status).toBe(401);
    const broken = await orders(m.secret_keys.test, '{ "merchant_id": "x", }');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ code: 'invalid_json' });
    const long = await orders(m.secret_keys.test, sandboxOrder({ merchant_key: 'x'.repeat(41) }));
    expect(long.status).toBe(422);
    expect(await long.json()).toMatchObject({ errors: [{ field: 'order.merchant_key' }] });
    const noAmount = await orders(m.secret_keys.test, sandboxOrder({ amount: undefined }));
    expect(await noAmount.json()).toMatchObject({ errors: [{ field: 'order.amount', code: 'required' }] });
  });

  it('signs checkout_url: the signature verifies, a tampered one does not, and it leads to the page', async () => {
    const created = (await (await orders(m.secret_keys.test, sandboxOrder())).json()) as {
      id: string;
      checkout_url: string;
    };
    const signature = new URL(created.checkout_url).searchParams.get('signature') ?? '';
    expect(await verifyOrderSignature(platform(env).secrets, created.id, signature)).toBe(true);
    const flipped = (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1);
    expect(await verifyOrderSignature(platform(env).secrets, created.id, flipped)).toBe(false);
    expect(await verifyOrderSignature(platform(env).secrets, created.id, null)).toBe(false);
    expect(await verifyOrderSignature(platform(env).secrets, `${created.id}x`, signature)).toBe(false);
    const path = created.checkout_url.replace('https://borda.test', '');
    expect((await call(path.replace(signature, flipped), { redirect: 'manual' })).status).toBe(404);
    expect((await call(path.split('?')[0] ?? '', { redirect: 'manual' })).status).toBe(404);
    const page = (await call(path, { redirect: 'manual' })).headers.get('location') ?? '';
    // The session's page requires its own signature, on a cache hit as on the first view.
    expect((await call(page)).status).toBe(200);
    expect((await call(page.split('?')[0] ?? '')).status).toBe(404);
    expect((await call(page)).status).toBe(200);
  });

  it('keeps notify_customer on the session, so the customer is told on that channel; a channel without an address is refused', async () => {
    const created = (await (
      await orders(m.secret_keys.test, sandboxOrder({ notify_customer: 'both' }))
    ).json()) as { checkout_url: string };
    const canonical = (await (
      await api(`/api/v1/checkout/sessions/${await sessionBehind(created)}`, m.secret_keys.test)
    ).json()) as {
      notify_customer: string;
    };
    expect(canonical.notify_customer).toBe('both');
    const omitted = (await (await orders(m.secret_keys.test, sandboxOrder())).json()) as {
      checkout_url: string;
    };
    const defaulted = (await (
      await api(`/api/v1/checkout/sessions/${await sessionBehind(omitted)}`, m.secret_keys.test)
    ).json()) as {
      notify_customer: string | null;
    };
    expect(defaulted.notify_customer).toBeNull();
    const noPhone = sandboxOrder({ notify_customer: 'sms' });
    delete (noPhone.order.customer as Record<string, unknown>).phone_number;
    const res = await orders(m.secret_keys.test, noPhone);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      errors: [{ field: 'order.customer.phone_number', code: 'required' }],
    });
  });
});
