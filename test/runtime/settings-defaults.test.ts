import { beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER, pay } from './client-helpers';
import { api, call, createSession, type Merchant, newMerchant } from './helpers';
import { waitForNotifications } from './notification-helpers';
import { sandboxOrderFor, sessionBehind } from './orders-helpers';

const BOLETO_TERMS = {
  boleto_due_days: 5,
  boleto_void_days: 20,
  boleto_charge_fine: true,
  boleto_fine_type: 'percentage',
  boleto_fine_amount: 2,
  boleto_charge_interest: true,
  boleto_interest_type: 'fixed',
  boleto_interest_amount: 0.33,
  discount: 5,
};

const patch = (m: Merchant, body: Record<string, unknown>, key = m.secret_keys.test) =>
  api('/api/v1/merchant', key, { method: 'PATCH', body });
type Session = {
  token: string;
  payment_method: string | string[] | null;
  payment_settings: Record<string, unknown>[] | null;
  required_customer_fields: string[];
};
const readSession = async (who: Merchant, token: string) =>
  (await (await api(`/api/v1/checkout/sessions/${token}`, who.secret_keys.test)).json()) as Session;
const boletoOf = (s: Session) => s.payment_settings?.find((e) => e.payment_type === 'boleto');
/** The methods the checkout page offers and what each charges. */
const offered = async (token: string) =>
  (
    (await (await call(`/c/v1/sessions/${token}`)).json()) as {
      methods: { method: string; amount: number }[];
    }
  ).methods;

let m: Merchant;
beforeAll(async () => {
  m = await newMerchant();
  const res = await patch(m, {
    default_boleto_terms: BOLETO_TERMS,
    enabled_methods: ['pix', 'boleto'],
    required_customer_fields: ['phone'],
  });
  expect(res.status, await res.clone().text()).toBe(200);
});

describe("the mode's defaults on a new session", () => {
  it('an API session that omits them takes the boleto terms, methods and required fields', async () => {
    const s = await createSession(m.secret_keys.test, { payment_method: undefined, amount: 50000 });
    const view = await readSession(m, s.token);
    expect(view.payment_method).toEqual(['pix', 'boleto']);
    expect(boletoOf(view)).toEqual({ payment_type: 'boleto', ...BOLETO_TERMS });
    expect(view.required_customer_fields).toEqual(['phone']);
    // The page offers the enabled methods only, boleto with its 5% discount.
    const methods = await offered(s.token);
    expect(methods.map((x) => x.method)).toEqual(['pix', 'boleto']);
    expect(methods.find((x) => x.method === 'boleto')?.amount).toBe(47500);
    // The boleto issued carries the default due date, fine and interest.
    const issued = (await (
      await pay(s.token, { method: 'boleto', customer: { ...CUSTOMER, phone: '+55 11 98765-4321' } })
    ).json()) as {
      payment: { boleto: { due_date: string; fine_cents: number; interest_per_day_cents: number } };
    };
    expect(issued.payment.boleto).toMatchObject({ fine_cents: 950, interest_per_day_cents: 33 });
    const today = new Date(Date.now() - 3 * 3600_000).toISOString().slice(0, 10);
    expect(Date.parse(issued.payment.boleto.due_date) - Date.parse(today)).toBe(5 * 86400_000);
  });

  it('a later change of the settings never reaches a session already created', async () => {
    const own = await newMerchant();
    await patch(own, {
      default_boleto_terms: BOLETO_TERMS,
      enabled_methods: ['pix', 'boleto'],
      required_customer_fields: ['phone'],
    });
    const other = await createSession(own.secret_keys.test, { payment_method: undefined });
    const changed = await patch(own, {
      default_boleto_terms: { boleto_due_days: 1 },
      enabled_methods: null,
      required_customer_fields: [],
    });
    expect(changed.status).toBe(200);
    const kept = await readSession(own, other.token);
    expect(boletoOf(kept)).toEqual({ payment_type: 'boleto', ...BOLETO_TERMS });
    expect(kept.payment_method).toEqual(['pix', 'boleto']);
    expect(kept.required_customer_fields).toEqual(['phone']);
    expect((await pay(other.token, { method: 'pix' })).status).toBe(422);
    // Enabling every method does not widen it; disabling one stops it on the open session too.
    expect((await offered(other.token)).map((x) => x.method)).toEqual(['pix', 'boleto']);
    expect((await patch(own, { enabled_methods: ['pix'] })).status).toBe(200);
    expect((await offered(other.token)).map((x) => x.method)).toEqual(['pix']);
    expect((await patch(own, { enabled_methods: null })).status).toBe(200);
    // A new session takes the new settings.
    const fresh = await readSession(
      own,
      (await createSession(own.secret_keys.test, { payment_method: undefined })).token,
    );
    expect(boletoOf(fresh)).toEqual({ payment_type: 'boleto', boleto_due_days: 1 });
    expect(fresh.payment_method).toBeNull();
    expect(fresh.required_customer_fields).toEqual([]);
  });

  it('refuses a boleto fine or interest without its type and amount', async () => {
    const res = await patch(m, {
      default_boleto_terms: { boleto_charge_fine: true, boleto_charge_interest: true },
    });
    expect(res.status).toBe(422);
    const fields = ((await res.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'default_boleto_terms.boleto_fine_type',
        'default_boleto_terms.boleto_fine_amount',
        'default_boleto_terms.boleto_interest_type',
        'default_boleto_terms.boleto_interest_amount',
      ]),
    );
  });

  it('refuses a percentage fine or interest over 100', async () => {
    const res = await patch(m, {
      default_boleto_terms: {
        boleto_charge_fine: true,
        boleto_fine_type: 'percentage',
        boleto_fine_amount: 150,
        boleto_charge_interest: true,
        boleto_interest_type: 'percentage',
        boleto_interest_amount: 101,
      },
    });
    expect(res.status).toBe(422);
    const errors = ((await res.json()) as { errors: { field: string; code: string }[] }).errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'default_boleto_terms.boleto_fine_amount', code: 'too_big' }),
        expect.objectContaining({ field: 'default_boleto_terms.boleto_interest_amount', code: 'too_big' }),
      ]),
    );
  });

  it("a request's own values win: its methods, its boleto due days (the rest still defaulted), and it may not name a disabled method", async () => {
    const own = await createSession(m.secret_keys.test, {
      payment_method: ['pix'],
      payment_settings: [{ payment_type: 'boleto', boleto_due_days: 1, boleto_charge_fine: false }],
    });
    const view = await readSession(m, own.token);
    expect(view.payment_method).toEqual(['pix']);
    expect(boletoOf(view)).toEqual({
      payment_type: 'boleto',
      boleto_due_days: 1,
      boleto_charge_fine: false,
      boleto_void_days: 20,
      boleto_charge_interest: true,
      boleto_interest_type: 'fixed',
      boleto_interest_amount: 0.33,
      discount: 5,
    });
    expect((await offered(own.token)).map((x) => x.method)).toEqual(['pix']);
    const disabled = await api('/api/v1/checkout/sessions', m.secret_keys.test, {
      body: {
        amount: 1000,
        currency: 'BRL',
        merchant_order_id: `ORD-off-${Date.now()}`,
        payment_method: 'card',
        expires_in: 1800,
        metadata: {},
      },
    });
    expect(disabled.status).toBe(422);
    expect(await disabled.json()).toMatchObject({
      errors: [{ field: 'payment_method', code: 'method_not_enabled' }],
    });
  });

  it('a seed 004 order without payments_settings takes the same defaults; live has none of them', async () => {
    const res = await api('/checkout/orders', m.secret_keys.test, { body: sandboxOrderFor(m.merchant_id) });
    const order = (await res.json()) as { checkout_url: string };
    expect(res.status, JSON.stringify(order)).toBe(201);
    const view = await readSession(m, await sessionBehind(order));
    expect(view.payment_method).toEqual(['pix', 'boleto']);
    expect(boletoOf(view)).toEqual({ payment_type: 'boleto', ...BOLETO_TERMS });
    expect(view.required_customer_fields).toEqual(['phone']);

    const live = await api('/api/v1/checkout/sessions', m.secret_keys.live, {
      body: {
        amount: 1000,
        currency: 'BRL',
        merchant_order_id: `ORD-live-${Date.now()}`,
        expires_in: 1800,
        metadata: {},
      },
    });
    const liveView = (await live.json()) as Session;
    expect(live.status, JSON.stringify(liveView)).toBe(201);
    expect(liveView.payment_method).toBeNull();
    expect(liveView.payment_settings).toBeNull();
    expect(liveView.required_customer_fields).toEqual([]);
  });

  it('a seed 000 cashier checkout (which has no method or pricing fields) takes them too', async () => {
    const res = await api('/api/v1/checkout', m.secret_keys.test, {
      body: {
        merchant_id: m.merchant_id,
        amount: 150.0,
        currency: 'BRL',
        country: 'BRA',
        reference_id: `order-${Date.now()}`,
        success_url: 'https://your-site.com/payment/success',
        cancel_url: 'https://your-site.com/payment/cancel',
      },
    });
    const body = (await res.json()) as { session_id: string };
    expect(res.status, JSON.stringify(body)).toBe(201);
    const view = await readSession(m, body.session_id);
    expect(view.payment_method).toEqual(['pix', 'boleto']);
    expect(boletoOf(view)).toEqual({ payment_type: 'boleto', ...BOLETO_TERMS });
    expect(view.required_customer_fields).toEqual(['phone']);
  });

  it("a seed 004 order without notify_customer is told on the mode's channel (null on the session: the setting when sending)", async () => {
    const shop = await newMerchant();
    expect((await patch(shop, { notify_customer: 'sms' })).status).toBe(200);
    const res = await api('/checkout/orders', shop.secret_keys.test, {
      body: sandboxOrderFor(shop.merchant_id),
    });
    const order = (await res.json()) as { checkout_url: string };
    expect(res.status, JSON.stringify(order)).toBe(201);
    const token = await sessionBehind(order);
    expect((await pay(token, { method: 'boleto' })).status).toBe(201);
    const list = await waitForNotifications(shop.secret_keys.test, token, (l) =>
      l.some((n) => n.status === 'sent'),
    );
    expect([...new Set(list.map((n) => n.channel))]).toEqual(['sms']);
  });
});

describe('required customer fields', () => {
  it('the checkout asks for them and a payment without them is refused with the field named', async () => {
    const s = await createSession(m.secret_keys.test, { payment_method: 'pix' });
    const page = await (await call(`/checkout/${s.token}`)).text();
    expect(page).toMatch(/<input id="phone" name="phone" type="tel"/);
    const refused = await pay(s.token, { method: 'pix' });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await refused.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'customer.phone', code: 'required' }],
    });
    const ok = await pay(s.token, { method: 'pix', customer: { ...CUSTOMER, phone: '+55 (11) 98765-4321' } });
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as { status: string }).status).toBe('pending');
  });

  it('a session created with the phone already carries it; the direct PIX dialect, which sends none, is refused', async () => {
    const withPhone = await createSession(m.secret_keys.test, {
      payment_method: 'pix',
      customer: { name: 'Maria Silva', email: 'maria@example.com', phone: '+5511987654321' },
    });
    expect((await pay(withPhone.token, { method: 'pix' })).status).toBe(201);

    const direct = await api('/v1/payment', m.secret_keys.test, {
      body: {
        customer_id: 'customer-42',
        name: 'João da Silva',
        email: 'joao@example.com',
        document: '12345678909',
        amount: '300.10',
        currency: 'BRL',
        payment_method: 'pix',
        callback: 'https://hooks.pix-direct-shop.com/callback',
        transaction: { id: `tx-${Date.now()}` },
      },
    });
    expect(direct.status).toBe(422);
    expect(direct.headers.get('content-type')).toContain('application/problem+json');
    expect(await direct.json()).toMatchObject({ errors: [{ field: 'customer.phone', code: 'required' }] });
  });

  it('a required document is asked for every method, also where the country asks it only for local ones', async () => {
    const ar = await newMerchant({ name: 'Tienda', country: 'ARG' });
    expect((await patch(ar, { required_customer_fields: ['document'] })).status).toBe(200);
    const s = await createSession(ar.secret_keys.test, {
      currency: 'ARS',
      country: 'ARG',
      payment_method: 'card',
    });
    const view = (await (await call(`/c/v1/sessions/${s.token}`)).json()) as {
      document: { methods: string } | null;
    };
    expect(view.document?.methods).toBe('all');
  });
});

describe('enabled methods none of which the session can offer', () => {
  it('refuses the session instead of opening a checkout with nothing to pay with', async () => {
    const own = await newMerchant();
    expect((await patch(own, { enabled_methods: ['pix', 'boleto'] })).status).toBe(200);
    const res = await api('/api/v1/checkout/sessions', own.secret_keys.test, {
      body: {
        amount: 10000,
        currency: 'MXN',
        country: 'MEX',
        merchant_order_id: 'mx-1',
        success_url: 'https://shop.example/ok',
      },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { field: string; code: string }[] };
    expect(body.errors).toEqual([
      expect.objectContaining({ field: 'payment_method', code: 'method_not_available' }),
    ]);
    // A Brazilian session of the same merchant still takes the enabled methods.
    const br = await createSession(own.secret_keys.test, { payment_method: undefined });
    expect((await offered(br.token)).map((x) => x.method)).toEqual(['pix', 'boleto']);
  });
});

describe('named methods none of which the session can offer', () => {
  it('refuses PIX alone in Mexico, and takes it beside a card, which Mexico offers', async () => {
    const own = await newMerchant();
    const body = (payment_method: string | string[]) => ({
      amount: 10000,
      currency: 'MXN',
      country: 'MEX',
      merchant_order_id: `mx-${JSON.stringify(payment_method)}`,
      success_url: 'https://shop.example/ok',
      payment_method,
    });
    const refused = await api('/api/v1/checkout/sessions', own.secret_keys.test, { body: body('pix') });
    expect(refused.status).toBe(422);
    const problem = (await refused.json()) as { errors: { field: string; code: string; message: string }[] };
    expect(problem.errors).toEqual([
      expect.objectContaining({ field: 'payment_method', code: 'method_not_available' }),
    ]);
    expect(problem.errors[0]?.message).toContain('the methods named (pix)');
    const taken = await api('/api/v1/checkout/sessions', own.secret_keys.test, {
      body: body(['pix', 'card']),
    });
    expect(taken.status).toBe(201);
    const { token } = (await taken.json()) as { token: string };
    expect((await offered(token)).map((x) => x.method)).toEqual(['card']);
  });
});
