import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mercadopagoConnector as mp } from '../../src/gateways/mercadopago';
import { type MpPaymentStatus, PAYMENT_STATUS } from '../../src/gateways/mercadopago/wire';
import { ConnectorError } from '../../src/gateways/types';
import { type Answer, type FakeGateway, type Received, startFakeGateway } from './fake-gateway';
import { contextFor, fixture, paymentRequest } from './payment-request';

const TOKEN = 'TEST-2151000000000000-030300-abcdef0123456789abcdef0123456789-191000000';
const SECRET = 'mp-webhook-secret-key';
const credentials = { access_token: TOKEN, webhook_secret: SECRET };
type Body = Record<string, unknown>;

/** What each route answers next; a test sets it, the fake plays it. */
const next: Record<string, (r: Received) => Answer> = {};
const payments = new Map<string, Body>();
let fake: FakeGateway;
const ctx = () => contextFor(fake.base, credentials);

beforeAll(async () => {
  const play = (key: string) => (r: Received) => {
    const route = next[key];
    if (!route) throw new Error(`no answer set for ${key}`);
    return route(r);
  };
  fake = await startFakeGateway({
    'POST /v1/card_tokens': play('token'),
    'POST /v1/payments': play('create'),
    'GET /v1/payments/search': play('search'),
    'GET /v1/payments/:id': (r) => {
      const p = payments.get(r.path.split('/').pop() ?? '');
      return p
        ? { status: 200, body: p }
        : { status: 404, body: { message: 'Payment not found', status: 404 } };
    },
    'PUT /v1/payments/:id': play('update'),
    'POST /v1/payments/:id/refunds': play('refund'),
    'GET /v1/payments/:id/refunds/:rid': play('refund'),
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  for (const k of Object.keys(next)) delete next[k];
  payments.clear();
  fake.received.length = 0;
});

async function failure(p: Promise<unknown>): Promise<ConnectorError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ConnectorError);
  return e as ConnectorError;
}

describe('Mercado Pago: what Borda sends', () => {
  it('creates a PIX with the Bearer token, the idempotency key and the amount in reais', async () => {
    next.create = () => ({ status: 201, body: fixture('mercadopago', 'payment-pix-pending').body });
    const req = paymentRequest({ method: 'pix', amount: 15050 });
    const result = await mp.createPayment(ctx(), req);
    const [sent] = fake.calls('POST', '/v1/payments');
    expect(sent?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent?.headers['x-idempotency-key']).toBe(req.paymentId);
    expect(sent?.json).toMatchObject({
      transaction_amount: 150.5,
      payment_method_id: 'pix',
      external_reference: req.paymentId,
      payer: { email: 'maria@example.com', identification: { type: 'CPF', number: '52998224725' } },
    });
    const body = sent?.json as Body;
    expect(typeof body.transaction_amount).toBe('number');
    expect(Date.parse(String(body.date_of_expiration))).toBe(req.expiresAt);
    expect(result).toMatchObject({ status: 'pending', reference: '1234567890' });
    if (result.status !== 'pending') throw new Error('not pending');
    expect(result.details.pix?.payload).toMatch(/^000201/);
  });

  it('issues an OXXO voucher in pesos with the reference and the printable voucher', async () => {
    next.create = () => ({ status: 201, body: fixture('mercadopago', 'payment-oxxo-pending').body });
    const req = paymentRequest({
      method: 'oxxo',
      amount: 123456,
      currency: 'MXN',
      country: 'MEX',
      customer: { name: 'Juan Pérez', email: 'juan@example.com' },
    });
    const result = await mp.createPayment(ctx(), req);
    expect(fake.calls('POST', '/v1/payments')[0]?.json).toMatchObject({
      transaction_amount: 1234.56,
      payment_method_id: 'oxxo',
    });
    expect(result).toMatchObject({
      status: 'pending',
      reference: '5466310457',
      details: {
        voucher: { reference: '98712345678901', kind: 'voucher', url: expect.stringContaining('ticket') },
      },
    });
  });

  it('tokenizes the card, then pays with the token, the brand and the installments in binary mode', async () => {
    next.token = () => ({ status: 201, body: fixture('mercadopago', 'card-token').body });
    next.create = () => ({ status: 201, body: fixture('mercadopago', 'payment-card-approved').body });
    const req = paymentRequest({
      method: 'card',
      installments: 3,
      card: {
        number: '4242 4242 4242 4242',
        holder_name: 'MARIA SILVA',
        exp_month: 12,
        exp_year: 2030,
        cvc: '123',
      },
    });
    expect(await mp.createPayment(ctx(), req)).toEqual({ status: 'paid', reference: '20359978' });
    const [token] = fake.calls('POST', '/v1/card_tokens');
    expect(token?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(token?.json).toMatchObject({
      card_number: '4242424242424242',
      expiration_month: 12,
      expiration_year: 2030,
      security_code: '123',
      cardholder: { name: 'MARIA SILVA' },
    });
    expect(fake.calls('POST', '/v1/payments')[0]?.json).toMatchObject({
      token: 'ff8080814c11e237014c1ff593b57b4d',
      payment_method_id: 'visa',
      installments: 3,
      binary_mode: true,
      transaction_amount: 150.5,
    });
  });

  it('sends PSE with the bank, the payer id and entity type, the IP and the return URL, and answers the bank redirect', async () => {
    next.create = () => ({ status: 201, body: fixture('mercadopago', 'payment-pse-pending').body });
    const req = paymentRequest({
      method: 'pse',
      amount: 5000000,
      currency: 'COP',
      country: 'COL',
      bank: '1040',
      customerIp: '190.85.12.7',
      returnUrl: 'https://borda.example/checkout/cs_test_abc',
      customer: { name: 'Ana Gómez', email: 'ana@example.com', document: '1032456789' },
    });
    const result = await mp.createPayment(ctx(), req);
    expect(fake.calls('POST', '/v1/payments')[0]?.json).toMatchObject({
      transaction_amount: 50000,
      payment_method_id: 'pse',
      transaction_details: { financial_institution: '1040' },
      payer: { entity_type: 'individual', identification: { type: 'CC', number: '1032456789' } },
      additional_info: { ip_address: '190.85.12.7' },
      callback_url: 'https://borda.example/checkout/cs_test_abc',
    });
    expect(result).toMatchObject({
      status: 'pending',
      details: { voucher: { kind: 'redirect', url: expect.stringContaining('pse') } },
    });
  });

  it('refuses PSE without the bank or the IP before calling, so routing may try another gateway', async () => {
    const req = paymentRequest({
      method: 'pse',
      currency: 'COP',
      country: 'COL',
      customerIp: '190.85.12.7',
      returnUrl: 'https://b.example/c',
    });
    const e = await failure(mp.createPayment(ctx(), req));
    expect([e.kind, e.code]).toEqual(['retryable', 'gateway_missing_data']);
    const noIp = await failure(mp.createPayment(ctx(), { ...req, bank: '1040', customerIp: undefined }));
    expect(noIp.code).toBe('gateway_missing_data');
    expect(fake.received).toHaveLength(0);
  });

  it('never offers a method outside its coverage, and says so before calling', async () => {
    const e = await failure(
      mp.createPayment(ctx(), paymentRequest({ method: 'nequi', currency: 'COP', country: 'COL' })),
    );
    expect([e.kind, e.code]).toEqual(['retryable', 'method_not_supported']);
    expect(fake.received).toHaveLength(0);
  });
});

describe('Mercado Pago: what Borda makes of the answers', () => {
  it.each([
    ['cc_rejected_insufficient_amount', 'insufficient_funds'],
    ['cc_rejected_bad_filled_security_code', 'incorrect_cvc'],
    ['cc_rejected_bad_filled_date', 'expired_card'],
    ['cc_rejected_other_reason', 'card_declined'],
    ['cc_rejected_high_risk', 'card_declined'],
  ])('a card rejected with %s is a %s decline', async (detail, code) => {
    next.token = () => ({ status: 201, body: fixture('mercadopago', 'card-token').body });
    const rejected = fixture<{ body: Body }>('mercadopago', 'payment-card-rejected').body;
    next.create = () => ({ status: 201, body: { ...rejected, status_detail: detail } });
    const req = paymentRequest({
      method: 'card',
      card: { number: '4242424242424242', holder_name: 'A B', exp_month: 1, exp_year: 2031, cvc: '999' },
    });
    expect(await mp.createPayment(ctx(), req)).toEqual({
      status: 'denied',
      reference: '20359979',
      failureCode: code,
    });
  });

  const expected: Record<MpPaymentStatus, string> = {
    pending: 'pending',
    approved: 'paid',
    authorized: 'pending',
    in_process: 'pending',
    in_mediation: 'paid',
    rejected: 'denied',
    cancelled: 'canceled',
    refunded: 'canceled',
    charged_back: 'canceled',
  };
  it.each(Object.keys(PAYMENT_STATUS) as MpPaymentStatus[])(
    'the status %s is read as documented',
    async (status) => {
      payments.set('77', { id: 77, status, status_detail: 'x' });
      expect((await mp.fetchStatus(ctx(), { reference: '77', paymentId: 'pay_x' })).status).toBe(
        expected[status],
      );
    },
  );

  it('a cancelled PIX or voucher whose detail is expired is expired; an unknown payment is not_found', async () => {
    payments.set('78', { id: 78, status: 'cancelled', status_detail: 'expired' });
    expect(await mp.fetchStatus(ctx(), { reference: '78', paymentId: 'p' })).toEqual({
      status: 'expired',
      reference: '78',
    });
    expect((await mp.fetchStatus(ctx(), { reference: '79', paymentId: 'p' })).status).toBe('not_found');
  });

  it('without a reference finds the payment by external_reference, a paid one first', async () => {
    next.search = (r) => ({
      status: 200,
      body: {
        results: [
          { id: 1, status: 'rejected', external_reference: r.query.get('external_reference') },
          { id: 2, status: 'approved', external_reference: r.query.get('external_reference') },
          { id: 3, status: 'approved', external_reference: 'someone-else' },
        ],
      },
    });
    expect(await mp.fetchStatus(ctx(), { reference: null, paymentId: 'pay_lost' })).toEqual({
      status: 'paid',
      reference: '2',
    });
    expect(fake.calls('GET', '/v1/payments/search')[0]?.query.get('external_reference')).toBe('pay_lost');
  });

  it.each([
    [500, 'ambiguous', 'gateway_error'],
    [502, 'ambiguous', 'gateway_error'],
    [400, 'retryable', 'gateway_rejected'],
    [401, 'retryable', 'gateway_auth'],
    [429, 'retryable', 'gateway_rate_limited'],
  ])('HTTP %i on create is %s (%s)', async (status, kind, code) => {
    next.create = () => ({
      status,
      body: { message: 'error', status, cause: [{ code: 4020, description: 'x' }] },
    });
    const e = await failure(mp.createPayment(ctx(), paymentRequest()));
    expect([e.kind, e.code]).toEqual([kind, code]);
  });

  it('a create that never answers is ambiguous (it may have arrived)', async () => {
    next.create = () => 'hang';
    const e = await failure(
      mp.createPayment(contextFor(fake.base, credentials, 'test', 300), paymentRequest()),
    );
    expect([e.kind, e.code]).toEqual(['ambiguous', 'gateway_timeout']);
  });

  it('a gateway that cannot be reached is retryable', async () => {
    const e = await failure(
      mp.createPayment(contextFor('http://127.0.0.1:9', credentials), paymentRequest()),
    );
    expect([e.kind, e.code]).toEqual(['retryable', 'gateway_unavailable']);
  });
});

describe('Mercado Pago: refunds and voids', () => {
  it('refunds in part with the amount in the currency unit and the refund id as idempotency key', async () => {
    next.refund = () => ({ status: 201, body: fixture('mercadopago', 'refund-approved').body });
    const result = await mp.refund?.(ctx(), {
      refundId: 'ref_abc',
      paymentId: 'pay_1',
      reference: '20359978',
      method: 'card',
      amount: 5025,
      currency: 'BRL',
      chargedAmount: 15050,
      reason: null,
      now: Date.now(),
    });
    const [sent] = fake.calls('POST', '/v1/payments/20359978/refunds');
    expect(sent?.headers['x-idempotency-key']).toBe('ref_abc');
    expect(sent?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(sent?.json).toEqual({ amount: 50.25 });
    expect(result).toEqual({ status: 'succeeded', reference: '1009042015' });
  });

  it('a full refund sends no amount; a rejected refund fails; a refund in process is pending', async () => {
    next.refund = () => ({ status: 201, body: { id: 5, status: 'rejected' } });
    const base = {
      refundId: 'ref_full',
      paymentId: 'pay_1',
      reference: '20359978',
      method: 'card',
      amount: 15050,
      currency: 'BRL' as const,
      chargedAmount: 15050,
      reason: null,
      now: Date.now(),
    };
    expect(await mp.refund?.(ctx(), base)).toMatchObject({ status: 'failed', reference: '5' });
    expect(fake.calls('POST', '/v1/payments/20359978/refunds')[0]?.json).toEqual({});
    next.refund = () => ({ status: 200, body: { id: 5, status: 'in_process' } });
    expect(
      await mp.fetchRefund?.(ctx(), { reference: '5', paymentReference: '20359978', refundId: 'ref_full' }),
    ).toEqual({
      status: 'pending',
      reference: '5',
    });
  });

  it('voids a pending payment with PUT status cancelled, and refuses to void a paid one', async () => {
    payments.set('90', { id: 90, status: 'pending' });
    next.update = (r) => ({ status: 200, body: { id: 90, status: (r.json as Body).status } });
    await mp.cancel(ctx(), '90');
    const [put] = fake.calls('PUT', '/v1/payments/90');
    expect(put?.json).toEqual({ status: 'cancelled' });
    expect(put?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    payments.set('91', { id: 91, status: 'approved' });
    const e = await failure(mp.cancel(ctx(), '91'));
    expect(e.code).toBe('already_paid');
    expect(fake.calls('PUT', '/v1/payments/91')).toHaveLength(0);
  });
});

describe('Mercado Pago: notifications', () => {
  const hook = fixture<{ headers: Record<string, string>; query: string; body: Body }>(
    'mercadopago',
    'webhook-payment',
  );
  const url = `https://borda.example/webhooks/gateways/mercadopago/mer_1?${hook.query}`;
  const body = JSON.stringify(hook.body);
  const sign = (
    ts: string,
    dataId = '1234567890',
    requestId = hook.headers['x-request-id'],
    secret = SECRET,
  ) => createHmac('sha256', secret).update(`id:${dataId};request-id:${requestId};ts:${ts};`).digest('hex');
  const headers = (signature: string, requestId = hook.headers['x-request-id'] ?? '') =>
    new Headers({ 'x-signature': signature, 'x-request-id': requestId, 'content-type': 'application/json' });

  it('verifies the documented signature, then asks for the payment and reports what it says', async () => {
    payments.set('1234567890', {
      id: 1234567890,
      status: 'approved',
      status_detail: 'accredited',
      currency_id: 'BRL',
      transaction_amount: 150.5,
    });
    const ts = '1716651000';
    const event = await mp.parseWebhook(ctx(), { headers: headers(`ts=${ts},v1=${sign(ts)}`), body, url });
    expect(event).toEqual({
      kind: 'paid',
      eventId: '1234567890:approved:accredited',
      reference: '1234567890',
      amount: 15050,
      currency: 'BRL',
    });
    expect(fake.calls('GET', '/v1/payments/1234567890')[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('a replayed notification names the same event, so it is applied once', async () => {
    payments.set('1234567890', { id: 1234567890, status: 'approved', status_detail: 'accredited' });
    const ts = '1716651000';
    const req = { headers: headers(`ts=${ts},v1=${sign(ts)}`), body, url };
    const first = await mp.parseWebhook(ctx(), req);
    const again = await mp.parseWebhook(ctx(), req);
    expect(again.eventId).toBe(first.eventId);
  });

  it.each([
    ['a wrong secret', () => `ts=1,v1=${sign('1', '1234567890', undefined, 'other')}`, url],
    ['a signature over another payment', () => `ts=1,v1=${sign('1', '999')}`, url],
    ['a changed timestamp', () => `ts=2,v1=${sign('1')}`, url],
    [
      'a signed id moved to another payment in the URL',
      () => `ts=1,v1=${sign('1')}`,
      url.replace('1234567890', '1234567891'),
    ],
    ['no signature', () => '', url],
  ])('refuses %s without asking for any payment', async (_name, signature, at) => {
    payments.set('1234567891', { id: 1234567891, status: 'approved' });
    const e = await failure(mp.parseWebhook(ctx(), { headers: headers(signature()), body, url: at }));
    expect(e.code).toBe('unauthorized');
    expect(fake.received).toHaveLength(0);
  });

  it('leaves out of the manifest a part the notification lacks, and lower-cases an alphanumeric id, as documented', async () => {
    payments.set('1234567890', { id: 1234567890, status: 'approved' });
    const ts = '1716651001';
    const noRequestId = createHmac('sha256', SECRET).update(`id:1234567890;ts:${ts};`).digest('hex');
    const bare = new Headers({ 'x-signature': `ts=${ts},v1=${noRequestId}` });
    expect((await mp.parseWebhook(ctx(), { headers: bare, body, url })).kind).toBe('paid');
    // An order-style id: signed lower-cased; not a payment, so nothing is asked of Mercado Pago.
    const orderUrl = url
      .replace('data.id=1234567890', 'data.id=ORD01ABC')
      .replace('type=payment', 'type=order');
    const v1 = createHmac('sha256', SECRET).update(`id:ord01abc;request-id:r1;ts:${ts};`).digest('hex');
    const signed = new Headers({ 'x-signature': `ts=${ts},v1=${v1}`, 'x-request-id': 'r1' });
    expect((await mp.parseWebhook(ctx(), { headers: signed, body, url: orderUrl })).kind).toBe('ignored');
  });

  it('a signed notification of another topic is acknowledged and ignored', async () => {
    const other = url.replace('type=payment', 'type=merchant_order');
    const event = await mp.parseWebhook(ctx(), {
      headers: headers(`ts=5,v1=${sign('5')}`),
      body,
      url: other,
    });
    expect(event.kind).toBe('ignored');
  });

  it('a rejected payment is denied with its reason; an expired voucher is expired', async () => {
    payments.set('1234567890', { id: 1234567890, status: 'cancelled', status_detail: 'expired' });
    const ts = '9';
    const req = { headers: headers(`ts=${ts},v1=${sign(ts)}`), body, url };
    expect((await mp.parseWebhook(ctx(), req)).kind).toBe('expired');
    payments.set('1234567890', {
      id: 1234567890,
      status: 'rejected',
      status_detail: 'cc_rejected_insufficient_amount',
      payment_type_id: 'credit_card',
    });
    expect(await mp.parseWebhook(ctx(), req)).toMatchObject({
      kind: 'denied',
      failureCode: 'insufficient_funds',
    });
  });
});
