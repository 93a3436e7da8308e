import { beforeAll, describe, expect, it } from 'vitest';
import { card, pay, status, VISA_OK } from './client-helpers';
import { api, createSession, type Merchant, newMerchant } from './helpers';
import { eventTypes, getJson, type Json } from './refund-helpers';

/** The four kinds of unexpected money, each produced on a fresh PIX of 100,00. */
const SCENARIOS = {
  'paid after expiry': async (m: Merchant, token: string, paymentId: string) => {
    await api(`/api/v1/checkout/sessions/${token}/expire`, m.secret_keys.test, { method: 'POST' });
    return simulate(m, paymentId);
  },
  'paid after a card won': async (m: Merchant, token: string, paymentId: string) => {
    await pay(token, { method: 'card', card: card(VISA_OK) });
    return simulate(m, paymentId);
  },
  underpaid: (m: Merchant, _token: string, paymentId: string) => simulate(m, paymentId, 9000),
  overpaid: (m: Merchant, _token: string, paymentId: string) => simulate(m, paymentId, 12000),
} as const;
type Scenario = keyof typeof SCENARIOS;

function simulate(m: Merchant, paymentId: string, amount?: number) {
  return api(`/api/v1/test/payments/${paymentId}/simulate`, m.secret_keys.test, {
    body: { outcome: 'paid', ...(amount ? { amount } : {}) },
  });
}

async function run(m: Merchant, scenario: Scenario) {
  const s = await createSession(m.secret_keys.test, { payment_method: ['pix', 'card'], amount: 10000 });
  const paid = (await (await pay(s.token, { method: 'pix' })).json()) as Json;
  const paymentId = paid.payment.id as string;
  const res = await SCENARIOS[scenario](m, s.token, paymentId);
  expect(res.status).toBe(200);
  return {
    token: s.token,
    payment: await getJson(m, `/api/v1/payments/${paymentId}`),
    session: (await status(s.token)).status,
    events: await eventTypes(m, s.token),
  };
}

async function merchantWithPolicy(policy: string) {
  const m = await newMerchant({ name: `Loja ${policy}`, country: 'BRA' });
  const res = await api('/api/v1/merchant', m.secret_keys.test, {
    method: 'PATCH',
    body: { late_payment_policy: policy },
  });
  expect(((await res.json()) as Json).late_payment_policy).toBe(policy);
  return m;
}

const FLAG: Record<Scenario, string> = {
  'paid after expiry': 'late',
  'paid after a card won': 'duplicate',
  underpaid: 'amount_mismatch',
  overpaid: 'amount_mismatch',
};

describe('policy accept', () => {
  let m: Merchant;
  beforeAll(async () => {
    m = await merchantWithPolicy('accept');
  });
  // What the session ends as: accepted money completes it, except an underpayment (never) or a duplicate (already paid).
  const expected: Record<Scenario, { resolution: string; session: string }> = {
    'paid after expiry': { resolution: 'accepted', session: 'paid' },
    'paid after a card won': { resolution: 'accepted', session: 'paid' },
    underpaid: { resolution: 'held', session: 'open' },
    overpaid: { resolution: 'accepted', session: 'paid' },
  };
  for (const scenario of Object.keys(SCENARIOS) as Scenario[]) {
    it(scenario, async () => {
      const r = await run(m, scenario);
      expect(r.payment.settlement).toMatchObject({
        flag: FLAG[scenario],
        resolution: expected[scenario].resolution,
      });
      expect(r.session).toBe(expected[scenario].session);
      expect(r.events).toContain(`payment.${FLAG[scenario]}`);
      expect(r.events.filter((t) => t === 'checkout_session.finished')).toHaveLength(
        expected[scenario].session === 'paid' ? 1 : 0,
      );
      expect(r.payment.refunds).toHaveLength(0);
    });
  }
});

describe('policy refund', () => {
  let m: Merchant;
  beforeAll(async () => {
    m = await merchantWithPolicy('refund');
  });
  const session: Record<Scenario, string> = {
    'paid after expiry': 'expired',
    'paid after a card won': 'paid',
    underpaid: 'open',
    overpaid: 'open',
  };
  for (const scenario of Object.keys(SCENARIOS) as Scenario[]) {
    it(`${scenario}: everything that arrived goes back automatically`, async () => {
      const r = await run(m, scenario);
      expect(r.payment.settlement).toMatchObject({ flag: FLAG[scenario], resolution: 'refunded' });
      expect(r.payment.refunds).toHaveLength(1);
      expect(r.payment.refunds[0]).toMatchObject({
        origin: 'policy',
        amount: r.payment.settlement.received_amount,
        status: 'pending', // a PIX devolução settles asynchronously
      });
      expect(r.session).toBe(session[scenario]);
      expect(r.events).toEqual(expect.arrayContaining([`payment.${FLAG[scenario]}`, 'refund.created']));
    });
  }
});

describe('policy hold is per mode', () => {
  it("a test key's policy leaves the live mode's default (hold) alone", async () => {
    const m = await merchantWithPolicy('refund');
    const live = (await (await api('/api/v1/merchant', m.secret_keys.live)).json()) as Json;
    expect(live.late_payment_policy).toBe('hold');
    const bad = await api('/api/v1/merchant', m.secret_keys.test, {
      method: 'PATCH',
      body: { late_payment_policy: 'keep' },
    });
    expect(bad.status).toBe(422);
  });
});
