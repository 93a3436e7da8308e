import { afterEach, describe, expect, it } from 'vitest';
import { pagarmeConnector } from '../../src/gateways/pagarme';
import { type ConnectorContext, ConnectorError, type CreatePaymentRequest } from '../../src/gateways/types';

// How each way a call to POST /orders can fail reaches the router, and that the card never leaks.
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
  merchant: { id: 'mer_1', name: 'Loja', city: null, bankAccounts: [], speiClabe: null },
  settings: undefined,
  description: null,
  expiresAt: NOW + 30 * 60_000,
  now: NOW,
};
const cardReq: CreatePaymentRequest = {
  ...base,
  method: 'card',
  card: { number: CARD_NUMBER, holder_name: 'Tony Stark', exp_month: 1, exp_year: 2030, cvc: CVC },
};

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});
function reply(status: number, body: unknown): () => Response {
  return () => new Response(body === undefined ? null : JSON.stringify(body), { status });
}
function stub(respond: () => Response): string[] {
  const seen: string[] = [];
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(new Request(input, init).url);
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

describe('pagarme createPayment failures', () => {
  it('is ambiguous when the timeout fires after the request was sent', async () => {
    let sent = false;
    globalThis.fetch = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        sent = true;
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      })) as typeof fetch;
    const err = await failure(() => pagarmeConnector.createPayment({ ...ctx, timeoutMs: 20 }, cardReq));
    expect(sent).toBe(true);
    expect([err.kind, err.code]).toEqual(['ambiguous', 'gateway_timeout']);
  });

  it.each([
    [503, 'retryable', 'gateway_unavailable'],
    [429, 'retryable', 'gateway_unavailable'],
    [401, 'retryable', 'gateway_auth'],
    [403, 'retryable', 'gateway_auth'],
    [422, 'retryable', 'gateway_rejected'],
    [400, 'retryable', 'gateway_rejected'],
    [409, 'ambiguous', 'gateway_error'],
    [500, 'ambiguous', 'gateway_error'],
    [504, 'ambiguous', 'gateway_error'],
  ])('maps HTTP %i to %s %s', async (status, kind, code) => {
    const body = {
      message: 'The request is invalid.',
      errors: { 'order.payments[0].credit_card.card.cvv': [CVC] },
    };
    stub(reply(status, body));
    const err = await failure(() => pagarmeConnector.createPayment(ctx, cardReq));
    expect([err.kind, err.code]).toEqual([kind, code]);
  });

  it('is retryable when the connection fails before any reply', async () => {
    globalThis.fetch = (async () => {
      throw new TypeError('Network connection lost.');
    }) as typeof fetch;
    const err = await failure(() => pagarmeConnector.createPayment(ctx, cardReq));
    expect([err.kind, err.code]).toEqual(['retryable', 'gateway_unavailable']);
  });

  it('is retryable without calling when no secret key is configured or the currency is not BRL', async () => {
    const seen = stub(reply(200, {}));
    const noKey = await failure(() => pagarmeConnector.createPayment({ ...ctx, credentials: {} }, base));
    const mxn = await failure(() => pagarmeConnector.createPayment(ctx, { ...base, currency: 'MXN' }));
    expect([noKey.kind, noKey.code, mxn.kind]).toEqual(['retryable', 'gateway_auth', 'retryable']);
    expect(seen).toHaveLength(0);
  });
});
