import { describe, expect, it } from 'vitest';
import { mercadopagoConnector as mp } from '../../src/gateways/mercadopago';
import { type MpPaymentStatus, PAYMENT_STATUS } from '../../src/gateways/mercadopago/wire';
import {
  type Body,
  credentials,
  ctx,
  gw,
  next,
  payments,
  TOKEN,
  useFakeMercadoPago,
} from './mercadopago-fake';
import { contextFor, failure, fixture, paymentRequest } from './payment-request';

useFakeMercadoPago();

describe('Mercado Pago: what Borda sends', () => {
  it('creates a PIX with the Bearer token, the idempotency key and the amount in reais', async () => {
    next.create = () => ({ status: 201, body: fixture('mercadopago', 'payment-pix-pending').body });
    const req = paymentRequest({ method: 'pix', amount: 15050 });
    const result = await mp.createPayment(ctx(), req);
    const [sent] = gw.fake.calls('POST', '/v1/payments');
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
    expect(gw.fake.calls('POST', '/v1/payments')[0]?.json).toMatchObject({
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
    const [token] = gw.fake.calls('POST', '/v1/card_tokens');
    expect(token?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(token?.json).toMatchObject({
      card_number: '4242424242424242',
      expiration_month: 12,
      expiration_year: 2030,
      security_code: '123',
      cardholder: { name: 'MARIA SILVA' },
    });
    expect(gw.fake.calls('POST', '/v1/payments')[0]?.json).toMatchObject({
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
    expect(gw.fake.calls('POST', '/v1/payments')[0]?.json).toMatchObject({
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
    expect(gw.fake.received).toHaveLength(0);
  });

  it('never offers a method outside its coverage, and says so before calling', async () => {
    const e = await failure(
      mp.createPayment(ctx(), paymentRequest({ method: 'nequi', currency: 'COP', country: 'COL' })),
    );
    expect([e.kind, e.code]).toEqual(['retryable', 'method_not_supported']);
    expect(gw.fake.received).toHaveLength(0);
    const usd = paymentRequest({ method: 'card', currency: 'USD', country: 'MEX' });
    expect((await failure(mp.createPayment(ctx(), usd))).code).toBe('method_not_supported');
    expect(gw.fake.received).toHaveLength(0);
  });
});

describe('Mercado Pago: what Borda makes of the answers', () => {
  it.each([
    ['cc_rejected_insufficient_amount', 'insufficient_funds'],
    ['cc_rejected_bad_filled_security_code', 'incorrect_cvc'],
    ['cc_rejected_bad_filled_date', 'expired_card'],
    ['cc_rejected_other_reason', 'card_declined'],
    ['cc_rejected_high_risk', 'card_declined'],
    ['cc_rejected_card_error', 'processing_error'],
    ['cc_rejected_3ds_mandatory', 'card_declined'],
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
    expect(gw.fake.calls('GET', '/v1/payments/search')[0]?.query.get('external_reference')).toBe('pay_lost');
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
      mp.createPayment(contextFor(gw.fake.base, credentials, 'test', 300), paymentRequest()),
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
