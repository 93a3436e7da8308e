import { afterEach, describe, expect, it } from 'vitest';
import type { StoredSetting } from '../../src/domain/offer';
import { pagarmeConnector } from '../../src/gateways/pagarme';
import { type ConnectorContext, ConnectorError, type CreatePaymentRequest } from '../../src/gateways/types';

// Response bodies copy the structure of the examples in docs.pagar.me/reference/pix-2, boleto-1 and
// cartão-de-crédito-1 (order → charges[0] → last_transaction); ids and values are the documented ones.
const NOW = Date.parse('2026-03-10T15:00:00Z');
const CARD_NUMBER = '4000000000000010';
const CVC = '123';
const ctx: ConnectorContext = {
  credentials: { secret_key: 'sk_test_abc123' },
  mode: 'test',
  now: NOW,
  timeoutMs: 500,
};
const base: CreatePaymentRequest = {
  paymentId: 'pay_01JABCDEF',
  method: 'pix',
  amount: 3090,
  currency: 'BRL',
  country: 'BRA',
  installments: 1,
  customer: { name: 'Tony Stark', email: 'avengerstark@ligadajustica.com.br', document: '145.822.569-88' },
  merchant: {
    id: 'mer_1',
    name: 'Loja Açaí & Cia',
    city: 'Rio de Janeiro',
    bankAccounts: [],
    speiClabe: null,
  },
  settings: undefined,
  description: 'Chaveiro do Tesseract',
  expiresAt: NOW + 30 * 60_000,
  now: NOW,
};
const cardReq: CreatePaymentRequest = {
  ...base,
  method: 'card',
  installments: 3,
  card: { number: CARD_NUMBER, holder_name: 'Tony Stark', exp_month: 1, exp_year: 2030, cvc: CVC },
};
const customer = {
  id: 'cus_x4nz0P4SbOTA0KBZ',
  name: 'Tony Stark',
  email: 'avengerstark@ligadajustica.com.br',
  document: '14582256988',
  type: 'individual',
  delinquent: false,
  created_at: '2019-05-02T17:06:01Z',
  updated_at: '2019-06-12T14:50:18Z',
  phones: {},
};
const QR =
  '00020101021226840014br.gov.bcb.pix2562pix-h.stone.com.br/pix/v2/e6157b05-4987-4635-af58-968f165f386d52040000' +
  '530398654043.505802BR5914EAD PLATAFORMA6014RIO DE JANEIRO62290525086dc8785e1f4ccaafed11fbd63049D7C';

function order(status: string, method: string, tx: Record<string, unknown>) {
  return {
    id: 'or_56GXnk6T0eU88qMm',
    code: 'pay_01JABCDEF',
    amount: 3090,
    currency: 'BRL',
    closed: true,
    items: [
      {
        id: 'oi_6rXqKEzuZYcRo2zL',
        description: 'Chaveiro do Tesseract',
        amount: 3090,
        quantity: 1,
        status: 'active',
      },
    ],
    customer,
    status: status === 'paid' ? 'paid' : status === 'failed' ? 'failed' : 'pending',
    created_at: '2019-10-16T17:36:30Z',
    updated_at: '2019-10-16T17:36:30Z',
    closed_at: '2019-10-16T17:36:30Z',
    charges: [
      {
        id: 'ch_K2rJ5nlHwTE4qRDP',
        code: 'pay_01JABCDEF',
        gateway_id: '3b4bb2d9-19b3-4638-a974-0bb914fff472',
        amount: 3090,
        status,
        currency: 'BRL',
        payment_method: method,
        created_at: '2019-10-16T17:36:30Z',
        updated_at: '2019-10-16T17:36:31Z',
        customer,
        last_transaction: { id: 'tran_bZ0N3DjjUzTW68eq', transaction_type: method, amount: 3090, ...tx },
      },
    ],
    checkouts: [],
  };
}
const pixTx = (qr: string) => ({
  status: 'waiting_payment',
  success: true,
  qr_code: qr,
  qr_code_url: 'https://api.pagar.me/core/v5/transactions/tran_bZ0N3DjjUzTW68eq/qrcode?payment_method=pix',
  expires_at: '2026-03-10T15:30:00Z',
  gateway_response: {},
  antifraud_response: {},
  metadata: {},
});
const cardTx = (status: string, code: string, message: string, antifraud: Record<string, string> = {}) => ({
  status,
  success: status === 'captured',
  installments: 3,
  statement_descriptor: 'LOJA ACAI CIA',
  acquirer_name: 'pagarme',
  acquirer_tid: '2204927041',
  acquirer_nsu: '2204927041',
  acquirer_message: message,
  acquirer_return_code: code,
  operation_type: 'auth_and_capture',
  card: { id: 'card_gAP32x6tKcXoVxQ6', first_six_digits: '400000', last_four_digits: '0010', brand: 'Visa' },
  gateway_response: { code: '200', errors: [] },
  antifraud_response: antifraud,
  metadata: {},
});

type Seen = { url: string; method: string; headers: Headers; body: Record<string, unknown> };
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function reply(status: number, body: unknown): () => Response {
  return () => new Response(body === undefined ? null : JSON.stringify(body), { status });
}
function stub(respond: () => Response): Seen[] {
  const seen: Seen[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    const text = await req.text();
    seen.push({ url: req.url, method: req.method, headers: req.headers, body: text ? JSON.parse(text) : {} });
    return respond();
  }) as typeof fetch;
  return seen;
}
/** Runs a call and returns its error, asserting the card never leaks into it. */
async function failure(run: () => Promise<unknown>): Promise<ConnectorError> {
  const err = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectorError);
  expect(JSON.stringify({ m: (err as Error).message, e: err })).not.toMatch(
    new RegExp(`${CARD_NUMBER}|\\b${CVC}\\b`),
  );
  return err as ConnectorError;
}

describe('pagarme createPayment', () => {
  it('creates a PIX order and maps the QR code to pending details', async () => {
    const seen = stub(reply(200, order('pending', 'pix', pixTx(QR))));
    const result = await pagarmeConnector.createPayment(ctx, base);
    expect(result).toEqual({
      status: 'pending',
      reference: 'or_56GXnk6T0eU88qMm',
      details: {
        pix: {
          payload: QR,
          expires_at: Date.parse('2026-03-10T15:30:00Z'),
          txid: '086dc8785e1f4ccaafed11fbd',
        },
      },
    });
    const [call] = seen;
    expect(call?.url).toBe('https://api.pagar.me/core/v5/orders');
    expect(call?.method).toBe('POST');
    expect(call?.headers.get('Authorization')).toBe(`Basic ${btoa('sk_test_abc123:')}`);
    expect(call?.headers.get('Idempotency-Key')).toBe('pay_01JABCDEF');
    expect(call?.body).toEqual({
      code: 'pay_01JABCDEF',
      items: [{ amount: 3090, description: 'Chaveiro do Tesseract', quantity: 1, code: 'pay_01JABCDEF' }],
      customer: { ...base.customer, document: '14582256988', document_type: 'CPF', type: 'individual' },
      payments: [{ payment_method: 'pix', pix: { expires_in: 1800 } }],
      metadata: { borda_payment_id: 'pay_01JABCDEF' },
    });
  });

  it('falls back to the transaction id when the documented QR code carries no readable txid', async () => {
    stub(reply(200, order('pending', 'Pix', pixTx('00020101021226480019BR.COM.STONE.QRCODE 0108A37F'))));
    const result = await pagarmeConnector.createPayment(ctx, base);
    expect(result.status === 'pending' && result.details.pix?.txid).toBe('tran_bZ0N3DjjUzTW68eq');
  });

  it('creates a boleto for a CNPJ with fine and interest and maps line, barcode, dates and hold', async () => {
    const settings = {
      payment_type: 'boleto',
      boleto_due_days: 3,
      boleto_void_days: 10,
      boleto_charge_fine: true,
      boleto_fine_type: 'percentage',
      boleto_fine_amount: 2,
      boleto_charge_interest: true,
      boleto_interest_type: 'percentage',
      boleto_interest_amount: 1.5,
    } as StoredSetting;
    const tx = {
      status: 'generated',
      success: true,
      url: 'https://sandbox.pagar.me/Boleto/ViewBoleto.aspx?044581ea-67e8-4772-bd56-f10ade5499de',
      pdf: 'https://api.pagar.me/core/v1/transactions/tran_bZ0N3DjjUzTW68eq/pdf',
      line: '34191.75462 24615.781234 41234.510000 3 83840000003090',
      barcode: 'https://api.pagar.me/core/v1/transactions/tran_bZ0N3DjjUzTW68eq/barcode',
      qr_code: 'https://api.pagar.me/core/v1/transactions/tran_bZ0N3DjjUzTW68eq/qrcode',
      nosso_numero: '46246157',
      type: 'DM',
      due_at: '2026-03-13T00:00:00Z',
      gateway_response: { code: '201' },
      antifraud_response: {},
    };
    const seen = stub(reply(200, order('pending', 'boleto', tx)));
    const req = {
      ...base,
      method: 'boleto',
      settings,
      customer: { ...base.customer, document: '11.222.333/0001-81' },
    };
    const result = await pagarmeConnector.createPayment(ctx, req);
    expect(result).toEqual({
      status: 'pending',
      reference: 'or_56GXnk6T0eU88qMm',
      details: {
        boleto: {
          barcode: '34193838400000030901754624615781234123451000',
          line: '34191754622461578123441234510000383840000003090',
          due_date: '2026-03-13',
          void_date: '2026-03-23',
          fine_cents: 62,
          interest_per_day_cents: 2,
          interest_monthly_percent: 1.5,
        },
      },
      holdUntil: Date.parse('2026-03-24T03:00:00Z'),
    });
    expect(seen[0]?.body.customer).toMatchObject({
      document: '11222333000181',
      document_type: 'CNPJ',
      type: 'company',
    });
    expect(seen[0]?.body.payments).toEqual([
      {
        payment_method: 'boleto',
        boleto: {
          instructions: 'Não receber após 23/03/2026.',
          due_at: '2026-03-13T00:00:00Z',
          max_days_to_pay_past_due: 10,
          fine: { days: 1, type: 'flat', amount: 62 },
          interest: { days: 1, type: 'percentage', amount: 1.5 },
        },
      },
    ]);
  });

  it('sends the card (only in a card request) and maps an approved charge to paid', async () => {
    const seen = stub(
      reply(200, order('paid', 'credit_card', cardTx('captured', '0000', 'Transação aprovada'))),
    );
    const result = await pagarmeConnector.createPayment(ctx, cardReq);
    expect(result).toEqual({ status: 'paid', reference: 'or_56GXnk6T0eU88qMm' });
    expect(JSON.stringify(result)).not.toContain(CARD_NUMBER);
    expect(seen[0]?.body.payments).toEqual([
      {
        payment_method: 'credit_card',
        credit_card: {
          installments: 3,
          statement_descriptor: 'Loja Acai Cia',
          operation_type: 'auth_and_capture',
          card: { number: CARD_NUMBER, holder_name: 'Tony Stark', exp_month: 1, exp_year: 2030, cvv: CVC },
        },
      },
    ]);
  });

  it.each([
    ['1016', 'Saldo insuficiente', 'insufficient_funds'],
    ['1001', 'Cartão vencido', 'expired_card'],
    ['1045', 'Código de segurança inválido', 'incorrect_cvc'],
    ['01', 'Transação não autorizada', 'card_declined'],
  ])('maps a refused card (acquirer %s) to denied %s', async (code, message, failureCode) => {
    stub(reply(200, order('failed', 'credit_card', cardTx('not_authorized', code, message))));
    const result = await pagarmeConnector.createPayment(ctx, cardReq);
    expect(result).toEqual({ status: 'denied', reference: 'or_56GXnk6T0eU88qMm', failureCode });
    expect(JSON.stringify(result)).not.toMatch(new RegExp(`${CARD_NUMBER}|\\b${CVC}\\b`));
  });

  it('turns an antifraud refusal into a hard decline carrying the order id', async () => {
    const tx = cardTx('not_authorized', '', '', {
      status: 'reproved',
      return_code: '0',
      provider_name: 'pagarme',
    });
    stub(reply(200, order('failed', 'credit_card', tx)));
    const err = await failure(() => pagarmeConnector.createPayment(ctx, cardReq));
    expect([err.kind, err.code, err.reference]).toEqual([
      'hard_decline',
      'card_declined',
      'or_56GXnk6T0eU88qMm',
    ]);
  });

  it('is retryable when Pagar.me could not issue the PIX (failed charge)', async () => {
    stub(reply(200, order('failed', 'pix', { status: 'failed', success: false })));
    const err = await failure(() => pagarmeConnector.createPayment(ctx, base));
    expect([err.kind, err.code, err.reference]).toEqual([
      'retryable',
      'gateway_rejected',
      'or_56GXnk6T0eU88qMm',
    ]);
  });
});
