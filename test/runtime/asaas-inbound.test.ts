import { afterEach, describe, expect, it } from 'vitest';
import { asaasEvent, stubAsaas } from './asaas-stub';
import { pay, status } from './client-helpers';
import { api, call, createSession, type Merchant, newMerchant } from './helpers';

/** POST /webhooks/gateways/asaas/{merchant}: authenticated by the token of the account that took the payment. */
let stub: ReturnType<typeof stubAsaas> | null = null;
afterEach(() => stub?.restore());

async function account(m: Merchant, mode: 'test' | 'live', token: string) {
  const res = await api('/api/v1/gateways', m.secret_keys[mode], {
    body: { gateway: 'asaas', credentials: { api_key: `$aact_${mode}_abc123`, webhook_token: token } },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const post = (m: Merchant, token: string, body: string) =>
  call(`/webhooks/gateways/asaas/${m.merchant_id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'asaas-access-token': token },
    body,
  });

describe('Asaas inbound notifications', () => {
  it('settle a PIX once with the right token; a wrong token, the test token or a disabled account never do', async () => {
    const m = await newMerchant({ name: 'Loja Asaas', country: 'BRA' });
    await account(m, 'test', 'token-test-0123456789');
    const live = await account(m, 'live', 'token-live-0123456789');
    stub = stubAsaas();
    const s = await createSession(m.secret_keys.live, { payment_method: 'pix' });
    const paid = await pay(s.token, { method: 'pix' });
    expect(paid.status).toBe(201);
    expect(((await paid.json()) as { payment: { gateway: string } }).payment.gateway).toBe('asaas');
    const [asaasId = ''] = stub.ids;
    const received = (id: string) => asaasEvent(id, 'PAYMENT_RECEIVED', asaasId);

    expect((await post(m, 'wrong-token-0123456789', received('evt_1'))).status).toBe(401);
    const withTest = await post(m, 'token-test-0123456789', received('evt_2'));
    expect(withTest.status).toBe(202);
    expect(await withTest.json()).toMatchObject({ applied: false, reason: 'unknown_reference' });
    await api(`/api/v1/gateways/${live}`, m.secret_keys.live, { method: 'PATCH', body: { enabled: false } });
    expect((await post(m, 'token-live-0123456789', received('evt_3'))).status).toBe(401);
    expect((await status(s.token)).status).toBe('pending');

    await api(`/api/v1/gateways/${live}`, m.secret_keys.live, { method: 'PATCH', body: { enabled: true } });
    const ok = await post(m, 'token-live-0123456789', received('evt_4'));
    expect(await ok.json()).toMatchObject({ received: true, applied: true });
    expect((await status(s.token)).status).toBe('paid');
    const again = await post(m, 'token-live-0123456789', received('evt_4'));
    expect(await again.json()).toMatchObject({ applied: false, reason: 'duplicate' });
  });
});
