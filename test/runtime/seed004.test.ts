import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyOrderSignature } from '../../src/api/compat/seed004';
import { card, pay, VISA_OK } from './client-helpers';
import { api, call, type Merchant, newMerchant } from './helpers';
import { stubReceiver, waitFor } from './webhook-helpers';

let m: Merchant;
let stub: ReturnType<typeof stubReceiver> | null = null;
afterEach(() => stub?.restore());
beforeAll(async () => {
  m = await newMerchant({ name: 'Southpayments Store', country: 'BRA' });
});

/** The document's placeholder CPF: all-equal digits pass the arithmetic but are never issued. */
const DOC_CPF = '33333333333';
const VALID_CPF = '52998224725';

/**
 * The document's three examples, copied; only the JSON typos are fixed (trailing commas, the
 * `"boleto_fine_type:"` key). merchant_id and legal_number are swapped in by the caller.
 */
const EXAMPLES: Array<[string, Record<string, unknown>]> = [
  [
    '1: boleto or card in 5x, email',
    {
      merchant_id: '4398yfnru3f7813',
      order: {
        merchant_key: 'codigo-pedido',
        amount: 19990,
        description: 'Descrição da cobrança',
        sandbox: false,
        notify_customer: 'email',
        payments_settings: [{ payment_type: 'boleto' }, { payment_type: 'credit_card', max_installments: 5 }],
        customer: {
          customer_type: 0,
          name: 'João Silva',
          email: 'joao@silva.com',
          phone_number: '11999998877',
          legal_number: '33333333333',
        },
      },
    },
  ],
  [
    '2: boleto in 3 days with a 10% fine, no notification',
    {
      merchant_id: '4398yfnru3f7813',
      order: {
        merchant_key: 'codigo-pedido',
        amount: 50000,
        description: 'Descrição da cobrança',
        sandbox: false,
        notify_customer: 'none',
        payments_settings: [
          {
            payment_type: 'boleto',
            boleto_due_days: 3,
            boleto_charge_fine: true,
            boleto_fine_type: 'percentage',
            boleto_fine_amount: 10,
          },
        ],
        customer: {
          customer_type: 0,
          name: 'João Silva',
          email: 'joao@silva.com',
          phone_number: '11999998877',
          legal_number: '33333333333',
        },
      },
    },
  ],
  [
    '3: pix with 10% off or card up to 12x at 1.99%, sms',
    {
      merchant_id: '4398yfnru3f7813',
      order: {
        merchant_key: 'codigo-pedido',
        amount: 250000,
        description: 'Descrição da cobrança',
        sandbox: false,
        notify_customer: 'sms',
        payments_settings: [
          { payment_type: 'pix', discount: 10 },
          { payment_type: 'credit_card', max_installments: 5, max_installments_interest: 12, interest: 1.99 },
        ],
        customer: {
          customer_type: 0,
          name: 'João Silva',
          email: 'joao@silva.com',
          phone_number: '11999998877',
          legal_number: '33333333333',
        },
      },
    },
  ],
];

type Body = { merchant_id: string; order: Record<string, unknown> & { customer?: Record<string, unknown> } };
function asMerchant(body: Record<string, unknown>, merchant: Merchant, cpf = VALID_CPF): Body {
  const b = structuredClone(body) as Body;
  b.merchant_id = merchant.merchant_id;
  if (b.order.customer) b.order.customer.legal_number = cpf;
  return b;
}

let seq = 0;
function sandboxOrder(patch: Record<string, unknown> = {}): Body {
  seq += 1;
  return {
    merchant_id: m.merchant_id,
    order: {
      merchant_key: `pedido-${Date.now()}-${seq}`,
      amount: 10000,
      description: 'Pedido de teste',
      sandbox: true,
      notify_url: 'https://hooks.southshop.com/notify',
      customer: {
        customer_type: 0,
        name: 'João Silva',
        email: 'joao@silva.com',
        legal_number: VALID_CPF,
        billing_street: 'Rua Antônio Ferreira',
        billing_number: '1250',
        billing_additional: 'Apt 1001',
        billing_district: 'Jardim Paulista',
        billing_city: 'São Paulo',
        billing_state: 'SP',
        billing_zipcode: '53407780',
        phone_number: '1199999999',
      },
      ...patch,
    },
  };
}

const orders = (key: string, body: unknown) => api('/checkout/orders', key, { body });
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

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
      id: expect.stringMatching(/^cs_live_/),
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
      new RegExp(`^https://borda\\.test/checkout/${body.id}\\?signature=[0-9a-f]{32}$`),
    );
    const canonical = (await (
      await api(`/api/v1/checkout/sessions/${body.id}`, merchant.secret_keys.live)
    ).json()) as Record<string, unknown>;
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

  it('updates an open order by replacing its session: 200, new amount, the old one no longer payable', async () => {
    const first = sandboxOrder();
    const a = await orders(m.secret_keys.test, first);
    expect(a.status).toBe(201);
    const old = (await a.json()) as { id: string };
    const b = await orders(m.secret_keys.test, { ...first, order: { ...first.order, amount: 25000 } });
    expect(b.status).toBe(200);
    const updated = (await b.json()) as { id: string; amount: number; status: string; merchant_key: string };
    expect(updated).toMatchObject({ amount: 25000, status: 'open', merchant_key: first.order.merchant_key });
    expect(updated.id).not.toBe(old.id);
    const oldSession = (await (
      await api(`/api/v1/checkout/sessions/${old.id}`, m.secret_keys.test)
    ).json()) as { status: string };
    expect(oldSession.status).toBe('canceled');
    expect((await pay(old.id, { method: 'card', card: card(VISA_OK) })).status).toBeGreaterThanOrEqual(400);
    expect((await pay(updated.id, { method: 'card', card: card(VISA_OK) })).status).toBe(201);
  });

  it('refuses to change a paid order (409 order_already_paid)', async () => {
    const body = sandboxOrder();
    const created = (await (await orders(m.secret_keys.test, body)).json()) as { id: string };
    expect((await pay(created.id, { method: 'card', card: card(VISA_OK) })).status).toBe(201);
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

  it('signs checkout_url: the signature verifies, a tampered one does not, and the page opens', async () => {
    const created = (await (await orders(m.secret_keys.test, sandboxOrder())).json()) as {
      id: string;
      checkout_url: string;
    };
    const signature = new URL(created.checkout_url).searchParams.get('signature') ?? '';
    expect(await verifyOrderSignature(env, created.id, signature)).toBe(true);
    const flipped = (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1);
    expect(await verifyOrderSignature(env, created.id, flipped)).toBe(false);
    expect(await verifyOrderSignature(env, created.id, null)).toBe(false);
    expect(await verifyOrderSignature(env, `${created.id}x`, signature)).toBe(false);
    const path = created.checkout_url.replace('https://borda.test', '');
    expect((await call(path)).status).toBe(200);
    // The page requires the signature, on a cache hit as on the first view.
    expect((await call(path.replace(signature, flipped))).status).toBe(404);
    expect((await call(path.split('?')[0] ?? '')).status).toBe(404);
    expect((await call(path)).status).toBe(200);
  });

  it('records notify_customer as a customer notification in the outbox, never as a merchant webhook', async () => {
    const created = (await (
      await orders(m.secret_keys.test, sandboxOrder({ notify_customer: 'both' }))
    ).json()) as {
      id: string;
    };
    const { results } = await env.DB.prepare(
      'SELECT type, data, enqueued_at FROM events WHERE session_id = ?',
    )
      .bind(created.id)
      .all<{ type: string; data: string; enqueued_at: number | null }>();
    expect(results).toHaveLength(1);
    expect(results[0]?.type).toBe('customer_notification.requested');
    expect(results[0]?.enqueued_at).not.toBeNull();
    expect(JSON.parse(results[0]?.data ?? '{}')).toMatchObject({
      channel: 'both',
      checkout_session_id: created.id,
    });
    const none = (await (
      await orders(m.secret_keys.test, sandboxOrder({ notify_customer: 'none' }))
    ).json()) as {
      id: string;
    };
    const count = await env.DB.prepare('SELECT COUNT(*) AS n FROM events WHERE session_id = ?')
      .bind(none.id)
      .first<{ n: number }>();
    expect(count?.n).toBe(0);
    const noPhone = sandboxOrder({ notify_customer: 'sms' });
    delete (noPhone.order.customer as Record<string, unknown>).phone_number;
    const res = await orders(m.secret_keys.test, noPhone);
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      errors: [{ field: 'order.customer.phone_number', code: 'required' }],
    });
  });

  it('POSTs the order object with its new status to notify_url when the order is paid', async () => {
    stub = stubReceiver(() => new Response('OK'));
    const created = (await (await orders(m.secret_keys.test, sandboxOrder())).json()) as Record<
      string,
      unknown
    >;
    expect((await pay(String(created.id), { method: 'card', card: card(VISA_OK) })).status).toBe(201);
    const hit = await waitFor(async () =>
      stub?.received.find(
        (r) =>
          r.url === 'https://hooks.southshop.com/notify' &&
          r.body.includes(`"id":"${created.id}"`) &&
          r.body.includes('"status":"paid"'),
      ),
    );
    const payload = JSON.parse(hit.body) as Record<string, unknown>;
    expect(payload).toEqual({ ...created, status: 'paid', updated_at: expect.stringMatching(DATE_TIME) });
  });

  it('tells notify_url of the replaced session as canceled when an order is updated', async () => {
    stub = stubReceiver(() => new Response('OK'));
    const body = sandboxOrder();
    const old = (await (await orders(m.secret_keys.test, body)).json()) as { id: string };
    await orders(m.secret_keys.test, { ...body, order: { ...body.order, amount: 12345 } });
    const hit = await waitFor(async () => stub?.received.find((r) => r.body.includes(`"id":"${old.id}"`)));
    expect(JSON.parse(hit.body)).toMatchObject({ id: old.id, status: 'canceled', amount: 10000 });
  });
});
