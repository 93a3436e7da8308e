import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type Answer, type FakeGateway, type Received, startFakeGateway } from './fake-gateway';
import { contextFor } from './payment-request';

export const TOKEN = 'TEST-2151000000000000-030300-abcdef0123456789abcdef0123456789-191000000';
export const SECRET = 'mp-webhook-secret-key';
export const credentials = { access_token: TOKEN, webhook_secret: SECRET };
export type Body = Record<string, unknown>;

/** What each route answers next; a test sets it, the fake plays it. */
export const next: Record<string, (r: Received) => Answer> = {};
export const payments = new Map<string, Body>();
/** The running fake (set once the file's tests start). */
export const gw = { fake: undefined as unknown as FakeGateway };
export const ctx = () => contextFor(gw.fake.base, credentials);

/** Starts the fake MercadoPago for this test file and resets what it answers and holds before each test. */
export function useFakeMercadoPago() {
  beforeAll(async () => {
    const play = (key: string) => (r: Received) => {
      const route = next[key];
      if (!route) throw new Error(`no answer set for ${key}`);
      return route(r);
    };
    gw.fake = await startFakeGateway({
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
  afterAll(() => gw.fake.close());
  beforeEach(() => {
    for (const k of Object.keys(next)) delete next[k];
    payments.clear();
    gw.fake.received.length = 0;
  });
}
