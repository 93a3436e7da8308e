import { describe, expect, it } from 'vitest';
import { card, pay, VISA_OK } from './client-helpers';
import { api, createSession, type Merchant, newMerchant } from './helpers';

type Attempt = { gateway: string; outcome: string; error_code: string | null; account_id: string | null };

async function merchantWith(accounts: Array<Record<string, unknown>>): Promise<Merchant & { ids: string[] }> {
  const m = await newMerchant({ name: 'Loja Dados', country: 'BRA' });
  const ids: string[] = [];
  for (const a of accounts) {
    const res = await api('/api/v1/gateways', m.secret_keys.test, { body: a });
    expect(res.status, await res.clone().text()).toBe(201);
    ids.push(((await res.json()) as { id: string }).id);
  }
  return { ...m, ids };
}

const ASAAS = {
  gateway: 'asaas',
  name: 'asaas',
  priority: 1,
  credentials: { api_key: '$aact_test_key', webhook_token: 'whtok-0123456789' },
};

async function payByCard(m: Merchant, extra: Record<string, unknown> = {}) {
  const s = await createSession(m.secret_keys.test, { payment_method: 'card', ...extra });
  const body = (await (await pay(s.token, { method: 'card', card: card(VISA_OK) })).json()) as {
    status: string;
    payment: { id: string; status: string; failure_code: string | null };
  };
  const detail = (await (await api(`/api/v1/payments/${body.payment.id}`, m.secret_keys.test)).json()) as {
    gateway: string;
    attempts: Attempt[];
  };
  return { ...body, detail };
}

describe('routing around a gateway that requires customer data the checkout lacks', () => {
  it('passes Asaas over for a card without calling it, records the skip, and the next gateway takes the payment', async () => {
    const m = await merchantWith([ASAAS, { gateway: 'sandbox', name: 'backup', priority: 2 }]);
    const r = await payByCard(m);
    expect(r.status).toBe('paid');
    expect(r.detail.gateway).toBe('sandbox');
    // Had Asaas been called, the call (no Asaas reachable from the test runtime) would read `retryable`.
    expect(r.detail.attempts.map((a) => [a.account_id, a.outcome, a.error_code])).toEqual([
      [m.ids[0], 'skipped_missing_data', 'gateway_missing_data'],
      [m.ids[1], 'paid', null],
    ]);
  });

  it('passes it over even when the session names it in gateway_first_try', async () => {
    const m = await merchantWith([ASAAS, { gateway: 'sandbox', name: 'backup', priority: 2 }]);
    const r = await payByCard(m, { gateway_first_try: 'asaas' });
    expect(r.status).toBe('paid');
    expect(r.detail.attempts.map((a) => a.outcome)).toEqual(['skipped_missing_data', 'paid']);
  });

  it('fails with gateway_missing_data when no other gateway can take the card, and the session stays open', async () => {
    const m = await merchantWith([ASAAS]);
    const r = await payByCard(m);
    expect(r.status).toBe('open');
    expect(r.payment).toMatchObject({ status: 'denied', failure_code: 'gateway_missing_data' });
    expect(r.detail.attempts.map((a) => a.outcome)).toEqual(['skipped_missing_data']);
  });

  it('does not count a skip against the account health', async () => {
    const m = await merchantWith([ASAAS, { gateway: 'sandbox', name: 'backup', priority: 2 }]);
    for (let i = 0; i < 4; i++) await payByCard(m);
    const list = (await (await api('/api/v1/gateways', m.secret_keys.test)).json()) as {
      data: Array<{ name: string; health: { state: string } }>;
    };
    expect(list.data.find((a) => a.name === 'asaas')?.health.state).toBe('closed');
  });
});
