import { afterEach, describe, expect, it } from 'vitest';
import type { AsaasRequestExtras } from '../../src/gateways/asaas/build';
import { asaasConnector } from '../../src/gateways/asaas/client';
import { cardFailureCode } from '../../src/gateways/asaas/wire';
import { type ConnectorContext, ConnectorError, type CreatePaymentRequest } from '../../src/gateways/types';

// Card payments and failure kinds. Responses follow docs.asaas.com's examples (cobranças via cartão,
// HTTP response codes); the card is the one in Asaas's own request example.
const CUSTOMER = { object: 'customer', id: 'cus_000005219613' };
const PAY_ID = 'pay_080225913252';
const BORDA_ID = 'pay_7Kq2mZr9XwT4bN8cLp3sVd6h';
const NOW = Date.parse('2026-03-10T15:00:00Z');
const CARD_NUMBER = '5162306219378829';
const CVC = '739';
const GENERIC_REFUSAL =
  'Transação não autorizada. Verifique os dados do cartão de crédito e tente novamente.';
const refusal = (description = GENERIC_REFUSAL) => ({
  errors: [{ code: 'invalid_creditCard', description }],
});
const cardPayment = (status: string) => ({
  object: 'payment',
  id: PAY_ID,
  customer: CUSTOMER.id,
  value: 150,
  billingType: 'CREDIT_CARD',
  status,
  dueDate: '2026-03-10',
  externalReference: BORDA_ID,
  deleted: false,
  creditCard: { creditCardNumber: '8829', creditCardBrand: 'MASTERCARD', creditCardToken: null },
});

type Call = { method: string; path: string; body: string };
type Handler = (init: RequestInit) => Response | Promise<Response>;
const realFetch = globalThis.fetch;
let calls: Call[] = [];
function stub(routes: Record<string, Handler>): void {
  calls = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = {
      method: init.method ?? 'GET',
      path: new URL(String(input)).pathname,
      body: String(init.body ?? ''),
    };
    calls.push(call);
    const handler = routes[`${call.method} ${call.path}`];
    if (!handler) throw new Error(`unexpected ${call.method} ${call.path}`);
    return handler(init);
  }) as typeof fetch;
}
afterEach(() => {
  globalThis.fetch = realFetch;
});
const json = (status: number, body: unknown) => (): Response =>
  new Response(JSON.stringify(body), { status });
const hang: Handler = (init) =>
  new Promise((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
  });
const refuseConnection: Handler = () => Promise.reject(new TypeError('Network connection lost.'));
const ctx = (timeoutMs = 2_000): ConnectorContext => ({
  credentials: { api_key: '$aact_test_key', webhook_token: 'whtok' },
  mode: 'test',
  now: NOW,
  timeoutMs,
});

const BASE: CreatePaymentRequest & AsaasRequestExtras = {
  paymentId: BORDA_ID,
  method: 'card',
  amount: 15000,
  currency: 'BRL',
  country: 'BRA',
  installments: 1,
  card: {
    number: '5162 3062 1937 8829',
    holder_name: 'MARCELO H ALMEIDA',
    exp_month: 5,
    exp_year: 2030,
    cvc: CVC,
  },
  customer: {
    name: 'Marcelo Henrique Almeida',
    email: 'marcelo.almeida@gmail.com',
    document: '249.715.637-92',
    postal_code: '89223-005',
    address_number: '277',
    phone: '(47) 3801-0919',
  },
  customerIp: '116.213.42.53',
  merchant: { id: 'mer_1', name: 'Loja', city: 'Joinville', bankAccounts: [], speiClabe: null },
  settings: undefined,
  description: null,
  expiresAt: NOW + 30 * 60 * 1000,
  now: NOW,
};

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

/** The card number and CVC may appear in the one request body to Asaas and nowhere else. */
function expectNoCardData(value: unknown): void {
  const text =
    value instanceof ConnectorError
      ? `${value.name} ${value.message} ${value.kind} ${value.code} ${value.reference}`
      : JSON.stringify(value);
  expect(text).not.toContain(CARD_NUMBER);
  expect(text).not.toContain('5162 3062');
  expect(text).not.toContain(CVC);
  for (const call of calls.filter((c) => c.path !== '/v3/payments')) {
    expect(call.body).not.toContain(CARD_NUMBER);
    expect(call.body).not.toContain(CVC);
  }
}

const withPayment = (handler: Handler) => ({
  'POST /v3/customers': json(200, CUSTOMER),
  'POST /v3/payments': handler,
});
const body = () =>
  JSON.parse(calls.find((c) => c.path === '/v3/payments')?.body ?? '{}') as Record<string, unknown>;

describe('asaasConnector.createPayment: card', () => {
  it('sends the card, the holder and the payer IP, and maps CONFIRMED to paid', async () => {
    stub(withPayment(json(200, cardPayment('CONFIRMED'))));
    const result = await asaasConnector.createPayment(ctx(), BASE);
    expect(result).toEqual({ status: 'paid', reference: PAY_ID });
    expect(body()).toEqual({
      customer: CUSTOMER.id,
      billingType: 'CREDIT_CARD',
      value: 150,
      dueDate: '2026-03-10',
      externalReference: BORDA_ID,
      creditCard: {
        holderName: 'MARCELO H ALMEIDA',
        number: CARD_NUMBER,
        expiryMonth: '05',
        expiryYear: '2030',
        ccv: CVC,
      },
      creditCardHolderInfo: {
        name: 'Marcelo Henrique Almeida',
        email: 'marcelo.almeida@gmail.com',
        cpfCnpj: '24971563792',
        postalCode: '89223005',
        addressNumber: '277',
        phone: '4738010919',
      },
      remoteIp: '116.213.42.53',
    });
    expectNoCardData(result);
  });

  it('maps RECEIVED to paid and sends installments as a count and an exact total', async () => {
    stub(withPayment(json(200, cardPayment('RECEIVED'))));
    const result = await asaasConnector.createPayment(ctx(), { ...BASE, installments: 3 });
    expect(result).toEqual({ status: 'paid', reference: PAY_ID });
    const text = calls.find((c) => c.path === '/v3/payments')?.body ?? '';
    expect(text).toContain('"value":150.00');
    expect(text).toContain('"installmentCount":3,"totalValue":150.00');
  });

  it('keeps a payment held for risk analysis pending, with only the brand and last four digits', async () => {
    stub(withPayment(json(200, cardPayment('AWAITING_RISK_ANALYSIS'))));
    const result = await asaasConnector.createPayment(ctx(), BASE);
    expect(result).toEqual({
      status: 'pending',
      reference: PAY_ID,
      details: { card: { brand: 'mastercard', last4: '8829' } },
    });
  });

  it("maps Asaas's generic refusal (HTTP 400 invalid_creditCard) to a card_declined result", async () => {
    stub(withPayment(json(400, refusal())));
    const result = await asaasConnector.createPayment(ctx(), BASE);
    expect(result).toEqual({ status: 'denied', reference: null, failureCode: 'card_declined' });
    expectNoCardData(result);
  });

  it.each([
    ['Saldo insuficiente', 'insufficient_funds'],
    ['Cartão vencido', 'expired_card'],
    ['Código de segurança inválido', 'incorrect_cvc'],
    ['Erro no processamento da transação', 'processing_error'],
    [GENERIC_REFUSAL, 'card_declined'],
  ])('reads a detailed refusal "%s" as %s', (description, code) => {
    expect(cardFailureCode(refusal(description))).toBe(code);
  });

  it('is not a refusal when the 400 is about something else: the next gateway may try', async () => {
    stub(withPayment(json(400, { errors: [{ code: 'invalid_billingType', description: 'x' }] })));
    const err = await failure(asaasConnector.createPayment(ctx(), BASE));
    expect([err.kind, err.code]).toEqual(['retryable', 'gateway_rejected']);
    expect(err.message).toContain('invalid_billingType');
    expectNoCardData(err);
  });

  it('fails before sending anything when Asaas-required holder data is missing', async () => {
    stub({});
    const { customerIp: _ip, ...withoutIp } = BASE;
    const err = await failure(asaasConnector.createPayment(ctx(), withoutIp));
    expect([err.kind, err.code]).toEqual(['retryable', 'gateway_missing_data']);
    expect(err.message).toContain('payer IP');
    expect(calls).toEqual([]);
    expectNoCardData(err);
  });
});

describe('asaasConnector.createPayment: failure kinds', () => {
  it('is ambiguous when the payment request times out after it was sent', async () => {
    stub(withPayment(hang));
    const err = await failure(asaasConnector.createPayment(ctx(20), BASE));
    expect([err.kind, err.code, err.reference]).toEqual(['ambiguous', 'gateway_timeout', null]);
    expectNoCardData(err);
  });

  it('is retryable when only the customer creation times out: no payment can exist', async () => {
    stub({ 'POST /v3/customers': hang });
    const err = await failure(asaasConnector.createPayment(ctx(20), BASE));
    expect([err.kind, err.code]).toEqual(['retryable', 'gateway_timeout']);
  });

  it.each([
    ['POST /v3/customers', 503, 'retryable', 'gateway_unavailable'],
    ['POST /v3/payments', 503, 'retryable', 'gateway_unavailable'],
    ['POST /v3/payments', 500, 'ambiguous', 'gateway_error'],
    ['POST /v3/payments', 502, 'ambiguous', 'gateway_error'],
    ['POST /v3/customers', 401, 'retryable', 'gateway_auth'],
    ['POST /v3/payments', 401, 'retryable', 'gateway_auth'],
    ['POST /v3/payments', 429, 'retryable', 'gateway_rate_limited'],
  ])('%s answering HTTP %i is %s (%s)', async (route, status, kind, code) => {
    stub({ ...withPayment(json(200, cardPayment('CONFIRMED'))), [route]: json(status, {}) });
    const err = await failure(asaasConnector.createPayment(ctx(), BASE));
    expect([err.kind, err.code]).toEqual([kind, code]);
    expectNoCardData(err);
  });

  it('is retryable on a dropped connection before the payment, ambiguous on the payment itself', async () => {
    stub({ 'POST /v3/customers': refuseConnection });
    const before = await failure(asaasConnector.createPayment(ctx(), BASE));
    expect([before.kind, before.code]).toEqual(['retryable', 'gateway_unavailable']);
    stub(withPayment(refuseConnection));
    const during = await failure(asaasConnector.createPayment(ctx(), BASE));
    expect([during.kind, during.code]).toEqual(['ambiguous', 'gateway_unavailable']);
    expectNoCardData(during);
  });

  it('needs an API key and a CPF or CNPJ, and asks nothing of Asaas without them', async () => {
    stub({});
    const noKey = await failure(asaasConnector.createPayment({ ...ctx(), credentials: {} }, BASE));
    expect([noKey.kind, noKey.code]).toEqual(['retryable', 'gateway_auth']);
    const pix = { ...BASE, method: 'pix', card: undefined, customer: { name: 'Ana', email: 'a@b.co' } };
    const noDocument = await failure(asaasConnector.createPayment(ctx(), pix));
    expect([noDocument.kind, noDocument.code]).toEqual(['retryable', 'gateway_missing_data']);
    expect(calls).toEqual([]);
  });
});
