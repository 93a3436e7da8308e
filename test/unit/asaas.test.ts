import { afterEach, describe, expect, it } from 'vitest';
import { buildPixPayload } from '../../src/domain/pix';
import { pixTxid } from '../../src/gateways/asaas/build';
import { asaasConnector } from '../../src/gateways/asaas/client';
import { encodeJson } from '../../src/gateways/asaas/http';
import { Reais } from '../../src/gateways/asaas/wire';
import { type ConnectorContext, ConnectorError, type CreatePaymentRequest } from '../../src/gateways/types';

// Asaas's documented examples (docs.asaas.com: cobranças via boleto / cartão / Pix, HTTP response codes).
const CUSTOMER = {
  object: 'customer',
  id: 'cus_000005219613',
  name: 'Marcelo Henrique Almeida',
  cpfCnpj: '24971563792',
};
const PAY_ID = 'pay_080225913252';
function payment(billingType: string, status: string, extra: Record<string, unknown> = {}) {
  return {
    object: 'payment',
    id: PAY_ID,
    dateCreated: '2026-03-10',
    customer: CUSTOMER.id,
    value: 150,
    netValue: 149.01,
    description: 'Pedido 056984',
    billingType,
    status,
    dueDate: '2026-03-10',
    invoiceUrl: 'https://sandbox.asaas.com/i/080225913252',
    externalReference: BORDA_ID,
    deleted: false,
    ...extra,
  };
}
const PIX_QR = {
  encodedImage: 'iVBORw0KGgoAAAANSUhEUgAAAYsAAAGLCAIAAAC5gincAAAOhklEQVR42u3ZQXIjOQwEQP3',
  // The example in Asaas's OpenAPI (pix-h is the sandbox's host).
  payload:
    '00020101021226730014br.gov.bcb.pix2551pix-h.asaas.com/pixqrcode/cobv/pay_765756139679951452040000' +
    '53039865802BR5905ASAAS6009Joinville61088922827162070503***63045E7A',
  expirationDate: '2027-03-10 23:59:59',
};
const BOLETO_LINE = {
  identificationField: '00190000090275928800021932978170187890000005000',
  nossoNumero: '6543',
  barCode: '00191878900000050000000002759288002193297817',
};

const BORDA_ID = 'pay_7Kq2mZr9XwT4bN8cLp3sVd6h';
const NOW = Date.parse('2026-03-10T15:00:00Z'); // 12:00 in Brasília

type Call = { method: string; url: URL; headers: Headers; body: string };
type Handler = (call: Call, init: RequestInit) => Response | Promise<Response>;
const realFetch = globalThis.fetch;
let calls: Call[] = [];

function stub(routes: Record<string, Handler>): void {
  calls = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const call = {
      method: init.method ?? 'GET',
      url,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : '',
    };
    calls.push(call);
    const handler = routes[`${call.method} ${url.pathname}`];
    if (!handler) throw new Error(`unexpected ${call.method} ${url.pathname}`);
    return handler(call, init);
  }) as typeof fetch;
}

afterEach(() => {
  globalThis.fetch = realFetch;
});

const json = (status: number, body: unknown) => (): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
/** Answers nothing until the request is aborted, like a gateway that took the request and hung. */
const hang: Handler = (_call, init) =>
  new Promise((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
  });

const ctx = (over: Partial<ConnectorContext> = {}): ConnectorContext => ({
  credentials: { api_key: '$aact_test_key', webhook_token: 'whtok' },
  mode: 'test',
  now: NOW,
  timeoutMs: 2_000,
  ...over,
});

function request(over: Partial<CreatePaymentRequest> = {}): CreatePaymentRequest {
  return {
    paymentId: BORDA_ID,
    method: 'pix',
    amount: 15000,
    currency: 'BRL',
    country: 'BRA',
    installments: 1,
    customer: {
      name: 'Marcelo Henrique Almeida',
      email: 'marcelo.almeida@gmail.com',
      document: '249.715.637-92',
    },
    merchant: { id: 'mer_1', name: 'Loja', city: 'Joinville', bankAccounts: [], speiClabe: null },
    settings: undefined,
    description: 'Pedido 056984',
    expiresAt: NOW + 30 * 60 * 1000,
    now: NOW,
    ...over,
  };
}

const happy = (billingType: string, status = 'PENDING', extra: Record<string, unknown> = {}) => ({
  'POST /v3/customers': json(200, CUSTOMER),
  'POST /v3/payments': json(200, payment(billingType, status, extra)),
  [`GET /v3/payments/${PAY_ID}/pixQrCode`]: json(200, PIX_QR),
  [`GET /v3/payments/${PAY_ID}/identificationField`]: json(200, BOLETO_LINE),
});

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

const paymentCall = () => calls.find((c) => c.method === 'POST' && c.url.pathname === '/v3/payments');
const paymentBody = () => JSON.parse(paymentCall()?.body ?? '{}') as Record<string, unknown>;

describe('Reais: integer centavos to an exact decimal literal', () => {
  it.each([
    [15000, '150.00'],
    [5, '0.05'],
    [100, '1.00'],
    [0, '0.00'],
    [10001, '100.01'],
    [9_999_999_999, '99999999.99'],
  ])('%i centavos → %s', (cents, text) => {
    expect(encodeJson({ value: Reais.fromCents(cents) })).toBe(`{"value":${text}}`);
  });

  it('rejects what is not a count of centavos', () => {
    expect(() => Reais.fromCents(1.5)).toThrow(RangeError);
    expect(() => Reais.fromCents(-1)).toThrow(RangeError);
  });

  it('never turns customer text into a number', () => {
    expect(encodeJson({ description: '"x:1.00"', value: Reais.fromCents(1) })).toBe(
      '{"description":"\\"x:1.00\\"","value":0.01}',
    );
  });
});

describe('asaasConnector.createPayment: PIX', () => {
  it('creates a customer and a PIX payment on the sandbox host, then reads its QR code', async () => {
    stub(happy('PIX'));
    const result = await asaasConnector.createPayment(ctx(), request());

    expect(calls.map((c) => `${c.method} ${c.url.href}`)).toEqual([
      'POST https://api-sandbox.asaas.com/v3/customers',
      'POST https://api-sandbox.asaas.com/v3/payments',
      `GET https://api-sandbox.asaas.com/v3/payments/${PAY_ID}/pixQrCode`,
    ]);
    for (const call of calls) {
      expect(call.headers.get('access_token')).toBe('$aact_test_key');
      expect(call.headers.get('User-Agent')).toBe('Borda');
    }
    expect(calls[2]?.body).toBe('');
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({
      name: 'Marcelo Henrique Almeida',
      cpfCnpj: '24971563792',
      email: 'marcelo.almeida@gmail.com',
      externalReference: BORDA_ID,
      notificationDisabled: true,
    });
    // The amount is an exact decimal literal, not a float's rendering.
    expect(paymentCall()?.body).toContain('"value":150.00');
    expect(paymentBody()).toEqual({
      customer: CUSTOMER.id,
      billingType: 'PIX',
      value: 150,
      dueDate: '2026-03-10',
      description: 'Pedido 056984',
      externalReference: BORDA_ID,
    });
    expect(result).toEqual({
      status: 'pending',
      reference: PAY_ID,
      // Asaas keeps the code alive for a year; Borda's session bounds it. A dynamic code's 62-05 is
      // "***", so the Asaas payment id stands in for the txid.
      details: { pix: { payload: PIX_QR.payload, expires_at: NOW + 30 * 60 * 1000, txid: PAY_ID } },
    });
  });

  it('uses the production host in live mode, and the earlier of the two expiries', async () => {
    // A code issued without a registered Pix key is payable only until 23:59 that day.
    const sameDay = { ...PIX_QR, expirationDate: '2026-03-10 23:59:59' };
    stub({ ...happy('PIX'), [`GET /v3/payments/${PAY_ID}/pixQrCode`]: json(200, sameDay) });
    const nextMorning = NOW + 20 * 60 * 60 * 1000; // 08:00 the next day in Brasília
    const result = await asaasConnector.createPayment(
      ctx({ mode: 'live' }),
      request({ expiresAt: nextMorning }),
    );
    expect(
      calls.every((c) => c.url.origin === 'https://api.asaas.com' && c.url.pathname.startsWith('/v3/')),
    ).toBe(true);
    expect(paymentBody().dueDate).toBe('2026-03-11');
    expect(result.status === 'pending' && result.details.pix?.expires_at).toBe(
      Date.parse('2026-03-11T02:59:59Z'),
    );
  });

  it('deletes the payment and lets the next gateway try when the QR code cannot be read', async () => {
    stub({
      ...happy('PIX'),
      [`GET /v3/payments/${PAY_ID}/pixQrCode`]: json(500, {}),
      [`DELETE /v3/payments/${PAY_ID}`]: json(200, { deleted: true, id: PAY_ID }),
    });
    const err = await failure(asaasConnector.createPayment(ctx(), request()));
    expect([err.kind, err.code, err.reference]).toEqual(['retryable', 'gateway_unavailable', PAY_ID]);
    expect(calls.at(-1)?.method).toBe('DELETE');
  });

  it('is ambiguous, with the reference, when the payment can be neither read nor deleted', async () => {
    stub({
      ...happy('PIX'),
      [`GET /v3/payments/${PAY_ID}/pixQrCode`]: hang,
      [`DELETE /v3/payments/${PAY_ID}`]: json(503, {}),
    });
    const err = await failure(asaasConnector.createPayment(ctx({ timeoutMs: 20 }), request()));
    expect([err.kind, err.code, err.reference]).toEqual(['ambiguous', 'gateway_timeout', PAY_ID]);
  });

  it("reads a BR Code's own txid, and falls back to the payment id for a dynamic code's ***", () => {
    const withTxid = buildPixPayload({
      key: 'pix@loja.com.br',
      merchantName: 'LOJA',
      merchantCity: 'JOINVILLE',
      amountCents: 15000,
      txid: 'PEDIDO123',
    });
    expect(pixTxid(withTxid, PAY_ID)).toBe('PEDIDO123');
    expect(pixTxid(PIX_QR.payload, PAY_ID)).toBe(PAY_ID);
    expect(pixTxid('not a BR Code', PAY_ID)).toBe(PAY_ID);
  });
});

describe('asaasConnector.createPayment: boleto', () => {
  const settings = {
    payment_type: 'boleto',
    boleto_due_days: 3,
    boleto_void_days: 10,
    boleto_charge_fine: true,
    boleto_fine_type: 'percentage' as const,
    boleto_fine_amount: 2,
    boleto_charge_interest: true,
    boleto_interest_type: 'percentage' as const,
    boleto_interest_amount: 1,
  };

  it('sends the due date, fine, interest and void period, and returns the line with a hold', async () => {
    stub(happy('BOLETO'));
    const result = await asaasConnector.createPayment(ctx(), request({ method: 'boleto', settings }));
    expect(paymentCall()?.body).toContain('"fine":{"value":3.00,"type":"FIXED"}');
    expect(paymentBody()).toMatchObject({
      billingType: 'BOLETO',
      dueDate: '2026-03-13',
      externalReference: BORDA_ID,
      daysAfterDueDateToRegistrationCancellation: 10,
      interest: { value: 1 },
    });
    expect(paymentBody()).not.toHaveProperty('creditCard');
    expect(calls[2]?.url.pathname).toBe(`/v3/payments/${PAY_ID}/identificationField`);
    expect(result).toEqual({
      status: 'pending',
      reference: PAY_ID,
      details: {
        boleto: {
          barcode: BOLETO_LINE.barCode,
          line: BOLETO_LINE.identificationField,
          due_date: '2026-03-13',
          void_date: '2026-03-23',
          fine_cents: 300,
          interest_per_day_cents: 5,
          interest_monthly_percent: 1,
        },
      },
      // The end of the void date in Brasília: 2026-03-24 00:00 -03:00.
      holdUntil: Date.parse('2026-03-24T03:00:00Z'),
    });
  });

  it('sends no interest Asaas cannot express (a fixed amount a day) and says so in the details', async () => {
    stub(happy('BOLETO'));
    const fixed = { ...settings, boleto_interest_type: 'fixed' as const, boleto_interest_amount: 0.5 };
    const result = await asaasConnector.createPayment(ctx(), request({ method: 'boleto', settings: fixed }));
    expect(paymentBody()).not.toHaveProperty('interest');
    expect(result.status === 'pending' && result.details.boleto).toMatchObject({
      fine_cents: 300,
      interest_per_day_cents: null,
      interest_monthly_percent: null,
    });
  });
});
