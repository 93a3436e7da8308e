import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type Answer, type FakeGateway, type Received, startFakeGateway } from './fake-gateway';
import { contextFor, fixture } from './payment-request';

export const KEY = 'test_ik_1234567890abcdefghij';
export const credentials = { integration_key: KEY };
export type Body = Record<string, unknown>;

export const next: Record<string, (r: Received) => Answer> = {};
/** Payments the fake EBANX knows, by hash, for the key KEY only. */
export const payments = new Map<string, Body>();
/** The running fake (set once the file's tests start). */
export const gw = { fake: undefined as unknown as FakeGateway };
export const ctx = () => contextFor(gw.fake.base, credentials);
export const OXXO_HASH = '5924c698895ed4cf3764c681fe9496f8fe0a986b070a594e';

/** Starts the fake Ebanx for this test file and resets what it answers and holds before each test. */
export function useFakeEbanx() {
  beforeAll(async () => {
    const play = (key: string) => (r: Received) => {
      const route = next[key];
      if (!route) throw new Error(`no answer set for ${key}`);
      return route(r);
    };
    gw.fake = await startFakeGateway({
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
  afterAll(() => gw.fake.close());
  beforeEach(() => {
    for (const k of Object.keys(next)) delete next[k];
    payments.clear();
    gw.fake.received.length = 0;
  });
}
