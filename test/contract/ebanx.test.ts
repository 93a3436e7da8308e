import { describe, expect, it } from 'vitest';
import { ebanxConnector as ebanx } from '../../src/gateways/ebanx';
import { type EbanxPaymentStatus, PAYMENT_STATUS } from '../../src/gateways/ebanx/wire';
import { type Body, credentials, ctx, gw, KEY, next, OXXO_HASH, payments, useFakeEbanx } from './ebanx-fake';
import { contextFor, failure, fixture, paymentRequest } from './payment-request';

useFakeEbanx();

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
    const sent = gw.fake.calls('POST', '/ws/direct')[0]?.json as Body;
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
    expect(gw.fake.calls('POST', '/ws/direct')[0]?.json).toMatchObject({
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

  it('takes only the country own currency (EBANX would convert a foreign one at its own rate)', async () => {
    const usd = paymentRequest({
      method: 'card',
      currency: 'USD',
      country: 'MEX',
      customer: mexican.customer,
    });
    const e = await failure(ebanx.createPayment(ctx(), usd));
    expect([e.kind, e.code]).toEqual(['retryable', 'method_not_supported']);
    expect(gw.fake.received).toHaveLength(0);
  });

  it('refuses PSE without the customer bank before calling, so routing may try elsewhere', async () => {
    const e = await failure(ebanx.createPayment(ctx(), paymentRequest({ method: 'pse', ...colombian })));
    expect([e.kind, e.code]).toEqual(['retryable', 'gateway_missing_data']);
    expect(gw.fake.received).toHaveLength(0);
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
    expect(gw.fake.calls('POST', '/ws/direct')[1]?.json).toMatchObject({
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
      expect(gw.fake.calls('POST', '/ws/direct')[0]?.json).toMatchObject({
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
    expect(gw.fake.calls('POST', '/ws/direct')[0]?.json).toMatchObject({
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
    expect(gw.fake.calls('POST', '/ws/query')[2]?.json).toMatchObject({ merchant_payment_code: 'pay_lost' });
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

  it('a payment EBANX already has under this code is ambiguous, never a refusal another gateway may act on', async () => {
    next.direct = () => ({
      status: 200,
      body: {
        status: 'ERROR',
        status_code: 'BP-DR-0',
        status_message: 'Payment already exists with merchant_payment_code: X',
      },
    });
    const e = await failure(ebanx.createPayment(ctx(), paymentRequest({ method: 'oxxo', ...mexican })));
    expect([e.kind, e.code]).toEqual(['ambiguous', 'gateway_error']);
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
        contextFor(gw.fake.base, credentials, 'test', 300),
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
