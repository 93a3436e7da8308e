import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyOrderSignature } from '../../src/api/compat/seed004';
import worker from '../../src/index';
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

/** The session an order's checkout_url leads to now (it redirects to the session's signed page). */
async function sessionBehind(order: { checkout_url: string }): Promise<string> {
  const res = await call(order.checkout_url.replace('https://borda.test', ''), { redirect: 'manual' });
  expect(res.status).toBe(302);
  const match = /^\/checkout\/(cs_(?:test|live)_[0-9A-Za-z]+)\?signature=[0-9a-f]{32}$/.exec(
    res.headers.get('location') ?? '',
  );
  if (!match?.[1]) throw new Error(`no session behind ${order.checkout_url}: ${res.headers.get('location')}`);
  return match[1];
}
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

  it('updates an open order behind the same id and checkout_url: 200, new amount, the old session no longer payable', async () => {
    const first = sandboxOrder();
    const a = await orders(m.secret_keys.test, first);
    expect(a.status).toBe(201);
    const old = (await a.json()) as { id: string; checkout_url: string; created_at: string };
    const oldSession = await sessionBehind(old);
    const b = await orders(m.secret_keys.test, { ...first, order: { ...first.order, amount: 25000 } });
    expect(b.status).toBe(200);
    const updated = (await b.json()) as {
      id: string;
      amount: number;
      status: string;
      checkout_url: string;
      created_at: string;
    };
    expect(updated).toMatchObject({
      id: old.id,
      checkout_url: old.checkout_url,
      created_at: old.created_at,
      amount: 25000,
      status: 'open',
      merchant_key: first.order.merchant_key,
    });
    // The link the customer already has now leads to the new session, with the new amount.
    const newSession = await sessionBehind(old);
    expect(newSession).not.toBe(oldSession);
    const canonical = (await (
      await api(`/api/v1/checkout/sessions/${newSession}`, m.secret_keys.test)
    ).json()) as {
      amount: number;
    };
    expect(canonical.amount).toBe(25000);
    const previous = (await (
      await api(`/api/v1/checkout/sessions/${oldSession}`, m.secret_keys.test)
    ).json()) as {
      status: string;
    };
    expect(previous.status).toBe('canceled');
    expect((await pay(oldSession, { method: 'card', card: card(VISA_OK) })).status).toBeGreaterThanOrEqual(
      400,
    );
    expect((await pay(newSession, { method: 'card', card: card(VISA_OK) })).status).toBe(201);
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
    expect(await verifyOrderSignature(env, created.id, signature)).toBe(true);
    const flipped = (signature[0] === 'a' ? 'b' : 'a') + signature.slice(1);
    expect(await verifyOrderSignature(env, created.id, flipped)).toBe(false);
    expect(await verifyOrderSignature(env, created.id, null)).toBe(false);
    expect(await verifyOrderSignature(env, `${created.id}x`, signature)).toBe(false);
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

  it('POSTs the order object with its new status to notify_url when the order is paid, and nothing else', async () => {
    stub = stubReceiver(() => new Response('OK'));
    const created = (await (await orders(m.secret_keys.test, sandboxOrder())).json()) as Record<
      string,
      unknown
    >;
    const sessionId = await sessionBehind(created as { checkout_url: string });
    expect((await pay(sessionId, { method: 'card', card: card(VISA_OK) })).status).toBe(201);
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
    // Only order objects reach notify_url: no payment.* event, no internal key.
    const bodies = stub.received
      .filter((r) => r.url === 'https://hooks.southshop.com/notify')
      .map((r) => r.body);
    for (const body of bodies) {
      expect(Object.keys(JSON.parse(body))).toEqual(Object.keys(created));
      expect(body).not.toContain('seed004');
    }
  });

  it('says what was charged: the PIX example with its 10% discount is paid 225000, not 250000', async () => {
    stub = stubReceiver(() => new Response('OK'));
    const example = asMerchant(EXAMPLES[2]?.[1] ?? {}, m);
    example.order.sandbox = true;
    example.order.merchant_key = `pix-desconto-${Date.now()}`;
    example.order.notify_url = 'https://hooks.southshop.com/notify';
    const res = await orders(m.secret_keys.test, example);
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; amount: number; checkout_url: string };
    expect(created.amount).toBe(250000);
    const issued = (await (await pay(await sessionBehind(created), { method: 'pix' })).json()) as {
      payment: { id: string; amount: number };
    };
    expect(issued.payment.amount).toBe(225000);
    const paid = await api(`/api/v1/test/payments/${issued.payment.id}/simulate`, m.secret_keys.test, {
      body: { outcome: 'paid' },
    });
    expect(paid.status).toBe(200);
    const hit = await waitFor(async () =>
      stub?.received.find(
        (r) => r.body.includes(`"id":"${created.id}"`) && r.body.includes('"status":"paid"'),
      ),
    );
    expect(JSON.parse(hit.body)).toMatchObject({ id: created.id, amount: 225000, status: 'paid' });
  });

  it('does not tell notify_url the order was canceled when an update replaced the session behind it', async () => {
    stub = stubReceiver(() => new Response('OK'));
    const body = sandboxOrder();
    const old = (await (await orders(m.secret_keys.test, body)).json()) as {
      id: string;
      checkout_url: string;
    };
    const replacedSession = await sessionBehind(old);
    await orders(m.secret_keys.test, { ...body, order: { ...body.order, amount: 12345 } });
    const { results } = await env.DB.prepare(
      "SELECT id FROM events WHERE session_id = ? AND type = 'checkout_session.canceled'",
    )
      .bind(replacedSession)
      .all<{ id: string }>();
    expect(results).toHaveLength(1);
    // Run the consumer for it by hand, so it has surely been handled, then look.
    const batch = createMessageBatch('borda-webhooks', [
      {
        id: 'replaced',
        timestamp: new Date(),
        attempts: 1,
        body: { kind: 'deliver', eventId: results[0]?.id },
      },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    await getQueueResult(batch, ctx);
    expect(stub.received.filter((r) => r.body.includes(old.id)).map((r) => [r.url, r.body])).toEqual([]);
  });
});
