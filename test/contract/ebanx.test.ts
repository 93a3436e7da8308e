import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ebanxConnector as ebanx } from '../../src/gateways/ebanx';
import { type EbanxPaymentStatus, PAYMENT_STATUS, REFUND_STATUS } from '../../src/gateways/ebanx/wire';
import { ConnectorError } from '../../src/gateways/types';
import { type Answer, type FakeGateway, type Received, startFakeGateway } from './fake-gateway';
import { contextFor, fixture, paymentRequest } from './payment-request';

const KEY = 'test_ik_1234567890abcdefghij';
const credentials = { integration_key: KEY };
type Body = Record<string, unknown>;

const next: Record<string, (r: Received) => Answer> = {};
/** Payments the fake EBANX knows, by hash, for the key KEY only. */
const payments = new Map<string, Body>();
let fake: FakeGateway;
const ctx = () => contextFor(fake.base, credentials);
const OXXO_HASH = '5924c698895ed4cf3764c681fe9496f8fe0a986b070a594e';

beforeAll(async () => {
  const play = (key: string) => (r: Received) => {
    const route = next[key];
    if (!route) throw new Error(`no answer set for ${key}`);
    return route(r);
  };
  fake = await startFakeGateway({
    'POST /ws/direct': play('direct'),
    'POST /ws/refund': play('refund'),
    'POST /ws/cancel': play('cancel'),
    'POST /ws/query': (r) => {
      const q = r.json as Body;
      if (q.integration_key !== KEY) return { status: 200, body: fixture('ebanx', 'error-key').body };
      const p =
        typeof q.hash === 'string'
          ? payments.get(q.hash)
          : [...payments.values()].find((x) => x.merchant_payment_code === q.merchant_payment_code);
      return p
        ? { status: 200, body: { payment: p, status: 'SUCCESS' } }
        : {
            status: 200,
            body: { status: 'ERROR', status_code: 'BP-QRY-4', status_message: 'Payment not found' },
          };
    },
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

const mexican = {
  currency: 'MXN' as const,
  country: 'MEX' as const,
  customer: { name: 'Juan Pérez', email: 'juan@example.com' },
};
const colombian = {
  currency: 'COP' as const,
  country: 'COL' as const,
  customer: { name: 'Ana Gómez', email: 'ana@example.com', document: '1032456789' },
};

describe('EBANX: what Borda sends', () => {
  it('creates an OXXO voucher with the integration key, the merchant payment code and the amount in pesos', async () => {
    next.direct = () => ({ status: 200, body: fixture('ebanx', 'direct-oxxo').body });
    const req = paymentRequest({ method: 'oxxo', amount: 123456, ...mexican });
    const result = await ebanx.createPayment(ctx(), req);
    const sent = fake.calls('POST', '/ws/direct')[0]?.json as Body;
    expect(sent).toMatchObject({
      integration_key: KEY,
      operation: 'request',
      payment: {
        name: 'Juan Pérez',
        email: 'juan@example.com',
        country: 'mx',
        payment_type_code: 'oxxo',
        merchant_payment_code: req.paymentId,
        currency_code: 'MXN',
        amount_total: 1234.56,
        due_date: new Date(req.expiresAt).toISOString().slice(0, 10),
      },
    });
    expect(typeof (sent.payment as Body).amount_total).toBe('number');
    expect(result).toMatchObject({
      status: 'pending',
      reference: OXXO_HASH,
      details: {
        voucher: {
          reference: '51000000000020022017052601362015',
          kind: 'voucher',
          url: expect.stringContaining('/print/oxxo/'),
        },
      },
    });
  });

  it('sends PSE with the customer bank as eft_code and answers the bank redirect', async () => {
    next.direct = () => ({ status: 200, body: fixture('ebanx', 'direct-pse').body });
    const req = paymentRequest({ method: 'pse', amount: 15202300, bank: '1007', ...colombian });
    const result = await ebanx.createPayment(ctx(), req);
    expect(fake.calls('POST', '/ws/direct')[0]?.json).toMatchObject({
      payment: {
        country: 'co',
        payment_type_code: 'eft',
        eft_code: '1007',
        amount_total: 152023,
        document: '1032456789',
      },
    });
    expect(result).toMatchObject({
      status: 'pending',
      details: { voucher: { kind: 'redirect', url: expect.stringContaining('simulator/confirm') } },
    });
  });

  it('refuses PSE without the customer bank before calling, so routing may try elsewhere', async () => {
    const e = await failure(ebanx.createPayment(ctx(), paymentRequest({ method: 'pse', ...colombian })));
    expect([e.kind, e.code]).toEqual(['retryable', 'gateway_missing_data']);
    expect(fake.received).toHaveLength(0);
  });

  it('answers SPEI with the CLABE and reference, and PagoEfectivo with the CIP', async () => {
    next.direct = () => ({ status: 200, body: fixture('ebanx', 'direct-spei').body });
    expect(await ebanx.createPayment(ctx(), paymentRequest({ method: 'spei', ...mexican }))).toMatchObject({
      details: { spei: { clabe: '646181141900000339', reference: '4262291' } },
    });
    next.direct = () => ({ status: 200, body: fixture('ebanx', 'direct-pagoefectivo').body });
    const peru = paymentRequest({
      method: 'cip',
      currency: 'PEN',
      country: 'PER',
      customer: { name: 'Rosa Quispe', email: 'r@example.com' },
    });
    expect(await ebanx.createPayment(ctx(), peru)).toMatchObject({
      details: { voucher: { reference: '2829662', kind: 'voucher' } },
    });
    expect(fake.calls('POST', '/ws/direct')[1]?.json).toMatchObject({
      payment: { payment_type_code: 'pagoefectivo', country: 'pe' },
    });
  });

  it.each([
    ['servipag', 'CLP', 'CHL', 'cl', 'servipag', 'direct-servipag', 'directtefredirect'],
    ['nequi', 'COP', 'COL', 'co', 'nequi', 'direct-nequi', 'redirect/execute'],
  ] as const)(
    'sends %s and answers its redirect',
    async (method, currency, country, iso, code, answer, url) => {
      next.direct = () => ({ status: 200, body: fixture('ebanx', answer).body });
      const req = paymentRequest({
        method,
        currency,
        country,
        amount: 44933,
        customer: { name: 'C D', email: 'c@example.com' },
      });
      expect(await ebanx.createPayment(ctx(), req)).toMatchObject({
        status: 'pending',
        details: { voucher: { kind: 'redirect', url: expect.stringContaining(url) } },
      });
      expect(fake.calls('POST', '/ws/direct')[0]?.json).toMatchObject({
        payment: { country: iso, payment_type_code: code },
      });
    },
  );

  it('sends the card with its brand, instalments and MM/YYYY due date; a refused card is a decline', async () => {
    next.direct = () => ({ status: 200, body: fixture('ebanx', 'direct-card-declined').body });
    const req = paymentRequest({
      method: 'card',
      installments: 3,
      card: {
        number: '5555 5555 5555 4444',
        holder_name: 'MARIA SILVA',
        exp_month: 7,
        exp_year: 2031,
        cvc: '321',
      },
    });
    expect(await ebanx.createPayment(ctx(), req)).toEqual({
      status: 'denied',
      reference: '591f7a1cae81aaaade3f76014310da4a7289ab651e6ec44e',
      failureCode: 'card_declined',
    });
    expect(fake.calls('POST', '/ws/direct')[0]?.json).toMatchObject({
      payment: {
        payment_type_code: 'mastercard',
        instalments: 3,
        creditcard: {
          card_number: '5555555555554444',
          card_name: 'MARIA SILVA',
          card_due_date: '07/2031',
          card_cvv: '321',
        },
      },
    });
  });
});

describe('EBANX: what Borda makes of the answers', () => {
  const expected: Record<EbanxPaymentStatus, string> = {
    PE: 'pending',
    OP: 'pending',
    CO: 'paid',
    PN: 'paid',
    CA: 'expired',
  };
  it.each(Object.keys(PAYMENT_STATUS) as EbanxPaymentStatus[])(
    'the status %s is read as documented',
    async (status) => {
      payments.set(OXXO_HASH, { hash: OXXO_HASH, status, payment_type_code: 'oxxo' });
      expect((await ebanx.fetchStatus(ctx(), { reference: OXXO_HASH, paymentId: 'p' })).status).toBe(
        expected[status],
      );
    },
  );

  it('a cancelled card payment is denied; a payment EBANX does not know is not_found; found by code without a hash', async () => {
    payments.set('a'.repeat(48), {
      hash: 'a'.repeat(48),
      status: 'CA',
      payment_type_code: 'visa',
      merchant_payment_code: 'pay_lost',
    });
    expect((await ebanx.fetchStatus(ctx(), { reference: 'a'.repeat(48), paymentId: 'x' })).status).toBe(
      'denied',
    );
    expect((await ebanx.fetchStatus(ctx(), { reference: 'b'.repeat(48), paymentId: 'x' })).status).toBe(
      'not_found',
    );
    expect(await ebanx.fetchStatus(ctx(), { reference: null, paymentId: 'pay_lost' })).toMatchObject({
      reference: 'a'.repeat(48),
    });
    expect(fake.calls('POST', '/ws/query')[2]?.json).toMatchObject({ merchant_payment_code: 'pay_lost' });
  });

  it('a refused key is gateway_auth and other refusals gateway_rejected, both retryable', async () => {
    next.direct = () => ({ status: 200, body: fixture('ebanx', 'error-key').body });
    const auth = await failure(ebanx.createPayment(ctx(), paymentRequest({ method: 'oxxo', ...mexican })));
    expect([auth.kind, auth.code]).toEqual(['retryable', 'gateway_auth']);
    next.direct = () => ({
      status: 200,
      body: { status: 'ERROR', status_code: 'BP-DR-57', status_message: 'Amount too low' },
    });
    const other = await failure(ebanx.createPayment(ctx(), paymentRequest({ method: 'oxxo', ...mexican })));
    expect([other.kind, other.code]).toEqual(['retryable', 'gateway_rejected']);
  });

  it.each([
    [500, 'ambiguous', 'gateway_error'],
    [503, 'ambiguous', 'gateway_error'],
    [429, 'retryable', 'gateway_rate_limited'],
  ])('HTTP %i is %s (%s)', async (status, kind, code) => {
    next.direct = () => ({ status, body: { status: 'ERROR' } });
    const e = await failure(ebanx.createPayment(ctx(), paymentRequest({ method: 'oxxo', ...mexican })));
    expect([e.kind, e.code]).toEqual([kind, code]);
  });

  it('a create that never answers is ambiguous; an unreachable EBANX is retryable', async () => {
    next.direct = () => 'hang';
    const slow = await failure(
      ebanx.createPayment(
        contextFor(fake.base, credentials, 'test', 300),
        paymentRequest({ method: 'oxxo', ...mexican }),
      ),
    );
    expect([slow.kind, slow.code]).toEqual(['ambiguous', 'gateway_timeout']);
    const down = await failure(
      ebanx.createPayment(
        contextFor('http://127.0.0.1:9', credentials),
        paymentRequest({ method: 'oxxo', ...mexican }),
      ),
    );
    expect([down.kind, down.code]).toEqual(['retryable', 'gateway_unavailable']);
  });
});

describe('EBANX: refunds and voids', () => {
  it('refunds with the amount in the currency unit and Borda refund id as merchant_refund_code', async () => {
    next.refund = () => ({ status: 200, body: fixture('ebanx', 'refund-requested').body });
    const result = await ebanx.refund?.(ctx(), {
      refundId: 'ref_123',
      paymentId: 'pay_1',
      reference: '59386e0a5f258ffed3bee6fecc9150f916d1e19aa50ec68c',
      method: 'oxxo',
      amount: 1023,
      currency: 'MXN',
      chargedAmount: 8000,
      reason: 'customer asked',
      now: Date.now(),
    });
    expect(fake.calls('POST', '/ws/refund')[0]?.json).toMatchObject({
      integration_key: KEY,
      operation: 'request',
      hash: '59386e0a5f258ffed3bee6fecc9150f916d1e19aa50ec68c',
      amount: 10.23,
      merchant_refund_code: 'ref_123',
    });
    expect(result).toEqual({ status: 'pending', reference: '21426' });
  });

  it.each(Object.entries(REFUND_STATUS))('a refund in status %s reads as %s', async (status, mapped) => {
    payments.set(OXXO_HASH, {
      hash: OXXO_HASH,
      status: 'CO',
      refunds: [{ id: '9', merchant_refund_code: 'ref_9', status }],
    });
    expect(
      (await ebanx.fetchRefund?.(ctx(), { reference: null, paymentReference: OXXO_HASH, refundId: 'ref_9' }))
        ?.status,
    ).toBe(mapped);
  });

  it('cancels an open voucher with /ws/cancel and refuses to cancel a paid one', async () => {
    payments.set(OXXO_HASH, { hash: OXXO_HASH, status: 'PE', payment_type_code: 'oxxo' });
    next.cancel = () => ({
      status: 200,
      body: { payment: { hash: OXXO_HASH, status: 'CA' }, status: 'SUCCESS' },
    });
    await ebanx.cancel(ctx(), OXXO_HASH);
    expect(fake.calls('POST', '/ws/cancel')[0]?.json).toEqual({ integration_key: KEY, hash: OXXO_HASH });
    payments.set(OXXO_HASH, { hash: OXXO_HASH, status: 'CO', payment_type_code: 'oxxo' });
    expect((await failure(ebanx.cancel(ctx(), OXXO_HASH))).code).toBe('already_paid');
    expect(fake.calls('POST', '/ws/cancel')).toHaveLength(1);
  });
});

describe('EBANX: notifications', () => {
  const note = fixture<{ contentType: string; body: string }>('ebanx', 'notification');
  const headers = new Headers({ 'content-type': note.contentType });

  it('a notification carries no state: Borda queries the payment with its key and reports what EBANX says', async () => {
    payments.set(OXXO_HASH, {
      hash: OXXO_HASH,
      status: 'CO',
      currency_code: 'MXN',
      amount_total: '1234.56',
      payment_type_code: 'oxxo',
    });
    const event = await ebanx.parseWebhook(ctx(), { headers, body: note.body });
    expect(event).toEqual({
      kind: 'paid',
      eventId: `${OXXO_HASH}:CO`,
      reference: OXXO_HASH,
      amount: 123456,
      currency: 'MXN',
    });
    expect(fake.calls('POST', '/ws/query')[0]?.json).toEqual({ integration_key: KEY, hash: OXXO_HASH });
  });

  it('a replayed notification names the same event; a pending payment is ignored', async () => {
    payments.set(OXXO_HASH, { hash: OXXO_HASH, status: 'CO' });
    const a = await ebanx.parseWebhook(ctx(), { headers, body: note.body });
    const b = await ebanx.parseWebhook(ctx(), { headers, body: note.body });
    expect(b.eventId).toBe(a.eventId);
    payments.set(OXXO_HASH, { hash: OXXO_HASH, status: 'PE' });
    expect((await ebanx.parseWebhook(ctx(), { headers, body: note.body })).kind).toBe('ignored');
  });

  it('a notification of a payment this key does not know, or with another key, is not authentic', async () => {
    expect((await failure(ebanx.parseWebhook(ctx(), { headers, body: note.body }))).code).toBe(
      'unauthorized',
    );
    payments.set(OXXO_HASH, { hash: OXXO_HASH, status: 'CO' });
    const other = contextFor(fake.base, { integration_key: 'someone_elses_key' });
    expect((await failure(ebanx.parseWebhook(other, { headers, body: note.body }))).code).toBe(
      'gateway_auth',
    );
  });

  it('a body that is not a payment status change is refused without a query', async () => {
    const e = await failure(ebanx.parseWebhook(ctx(), { headers, body: 'operation=other&hash_codes=abc' }));
    expect(e.code).toBe('invalid_payload');
    expect(fake.received).toHaveLength(0);
  });
});
