import { env } from 'cloudflare:workers';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { pay } from './client-helpers';
import { api, createSession, newMerchant } from './helpers';
import { consume, insertEvent, stubReceiver } from './webhook-helpers';

/**
 * Test and live are separate worlds: every setting that steers money or data is kept per mode, and a
 * key reads and changes only its own mode's settings.
 */
let stub: ReturnType<typeof stubReceiver> | null = null;
afterEach(() => stub?.restore());

const LIVE_URL = 'https://hooks.live-store.com/in';
const ACCOUNT = {
  bank_name: 'Banco do Brasil',
  bank_code: '001',
  agency: '1234',
  account: '56789',
  account_digit: '0',
  account_type: 'checking',
  beneficiary: 'Loja Conta Ltda',
  document: '11.222.333/0001-81',
};

async function settings(key: string) {
  const res = await api('/api/v1/merchant', key);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe('a test key', () => {
  it('changes only the test settings: the live key still reads every original value', async () => {
    const m = await newMerchant({ name: 'Modes', country: 'BRA', notification_url: LIVE_URL });
    const before = await settings(m.secret_keys.live);
    expect(before).toMatchObject({ mode: 'live', livemode: true, notification_url: LIVE_URL });
    const res = await api('/api/v1/merchant', m.secret_keys.test, {
      method: 'PATCH',
      body: {
        notification_url: 'https://hooks.attacker-site.com/x',
        allowed_origins: ['https://attacker-site.com'],
        bank_accounts: [ACCOUNT],
        spei_clabe: '002010077777777771',
      },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      mode: 'test',
      livemode: false,
      notification_url: 'https://hooks.attacker-site.com/x',
      allowed_origins: ['https://attacker-site.com'],
      spei_clabe: '002010077777777771',
    });
    expect(await settings(m.secret_keys.live)).toEqual(before);
  });

  it("cannot change the merchant's city, which live PIX codes print; a live key can", async () => {
    const m = await newMerchant({ name: 'City', country: 'BRA', city: 'Sao Paulo' });
    const res = await api('/api/v1/merchant', m.secret_keys.test, {
      method: 'PATCH',
      body: { city: 'Elsewhere', notification_url: 'https://hooks.lojadamaria.com.br/t' },
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ field: 'city', code: 'live_key_required' }] });
    // Nothing of the request took effect, in either mode.
    expect(await settings(m.secret_keys.live)).toMatchObject({ city: 'Sao Paulo' });
    expect(await settings(m.secret_keys.test)).toMatchObject({ city: 'Sao Paulo', notification_url: null });
    const live = await api('/api/v1/merchant', m.secret_keys.live, {
      method: 'PATCH',
      body: { city: 'Recife' },
    });
    expect(live.status).toBe(200);
    expect(await settings(m.secret_keys.test)).toMatchObject({ city: 'Recife' });
  });

  it('cannot redirect or re-sign live webhooks: a live event goes to the live URL, signed with the live secret', async () => {
    const m = await newMerchant({ name: 'Hooks', country: 'BRA', notification_url: LIVE_URL });
    const s = await createSession(m.secret_keys.test);
    expect(
      (
        await api('/api/v1/merchant', m.secret_keys.test, {
          method: 'PATCH',
          body: { notification_url: 'https://hooks.attacker-site.com/x' },
        })
      ).status,
    ).toBe(200);
    const rolled = await api('/api/v1/webhook_secret/roll', m.secret_keys.test, { method: 'POST' });
    expect(rolled.status).toBe(200);
    const { secret: rolledTest, mode } = (await rolled.json()) as { secret: string; mode: string };
    expect(mode).toBe('test');

    stub = stubReceiver(() => new Response('ok'));
    const live = await insertEvent({ merchantId: m.merchant_id, sessionId: s.token, mode: 'live' });
    await consume(live);
    const test = await insertEvent({ merchantId: m.merchant_id, sessionId: s.token, mode: 'test' });
    await consume(test);
    // The session's own notification_url is unset, so each event goes to its mode's default URL.
    const byEvent = (id: string) => stub?.received.find((r) => r.headers.get('webhook-id') === id);
    const liveReq = byEvent(live);
    expect(liveReq?.url).toBe(LIVE_URL);
    const liveHeaders = Object.fromEntries(liveReq?.headers ?? []);
    // One signature only: the live secret was never rolled, so there is no previous one either.
    expect(liveHeaders['webhook-signature']?.split(' ')).toHaveLength(1);
    expect(new Webhook(m.webhook_secrets.live).verify(liveReq?.body ?? '', liveHeaders)).toBeTruthy();
    expect(() => new Webhook(rolledTest).verify(liveReq?.body ?? '', liveHeaders)).toThrow();
    expect(() => new Webhook(m.webhook_secrets.test).verify(liveReq?.body ?? '', liveHeaders)).toThrow();

    const testReq = byEvent(test);
    expect(testReq?.url).toBe('https://hooks.attacker-site.com/x');
    expect(
      new Webhook(rolledTest).verify(testReq?.body ?? '', Object.fromEntries(testReq?.headers ?? [])),
    ).toBeTruthy();
  });

  it('rolls only its own mode: the live secret row is unchanged', async () => {
    const m = await newMerchant({ name: 'Roll', country: 'BRA' });
    const read = () =>
      env.DB.prepare(
        'SELECT mode, webhook_secret_sealed, webhook_secret_previous_sealed FROM merchant_mode_settings WHERE merchant_id = ? ORDER BY mode',
      )
        .bind(m.merchant_id)
        .all();
    const before = (await read()).results;
    expect((await api('/api/v1/webhook_secret/roll', m.secret_keys.live, { method: 'POST' })).status).toBe(
      200,
    );
    const after = (await read()).results;
    expect(after.find((r) => r.mode === 'test')).toEqual(before.find((r) => r.mode === 'test'));
    expect(after.find((r) => r.mode === 'live')).not.toEqual(before.find((r) => r.mode === 'live'));
  });
});

describe('a settings change', () => {
  it("holds on the session's next payment, even in a Durable Object that already paid once", async () => {
    const m = await newMerchant({ name: 'Clabe', country: 'MEX' });
    const s = await createSession(m.secret_keys.test, {
      currency: 'MXN',
      country: 'MEX',
      payment_method: 'spei',
    });
    const speiOf = async (res: Response) => {
      expect(res.status).toBe(201);
      return ((await res.json()) as { payment: { spei: { clabe: string } } }).payment.spei.clabe;
    };
    const customer = { name: 'Ana López', email: 'ana@example.com' };
    const first = await speiOf(await pay(s.token, { method: 'spei', customer }));
    expect(first).toMatch(/^646180/);
    const patched = await api('/api/v1/merchant', m.secret_keys.test, {
      method: 'PATCH',
      body: { spei_clabe: '002010077777777771' },
    });
    expect(patched.status).toBe(200);
    expect(await speiOf(await pay(s.token, { method: 'spei', customer }))).toBe('002010077777777771');
  });
});

describe('webhook endpoints', () => {
  it('a test key neither sees nor removes the live endpoints, and adds only to test', async () => {
    const m = await newMerchant({ name: 'Endpoints', country: 'BRA' });
    const live = await api('/api/v1/webhook_endpoints', m.secret_keys.live, {
      body: { url: LIVE_URL },
    });
    expect(live.status).toBe(201);
    const liveId = ((await live.json()) as { id: string }).id;
    const added = await api('/api/v1/webhook_endpoints', m.secret_keys.test, {
      body: { url: 'https://hooks.attacker-site.com/x' },
    });
    expect(await added.json()).toMatchObject({ livemode: false });
    const seen = (await (await api('/api/v1/webhook_endpoints', m.secret_keys.test)).json()) as {
      data: { id: string }[];
    };
    expect(seen.data.map((e) => e.id)).not.toContain(liveId);
    expect(
      (await api(`/api/v1/webhook_endpoints/${liveId}`, m.secret_keys.test, { method: 'DELETE' })).status,
    ).toBe(404);
    const still = (await (await api('/api/v1/webhook_endpoints', m.secret_keys.live)).json()) as {
      data: { id: string; url: string }[];
    };
    expect(still.data).toEqual([expect.objectContaining({ id: liveId, url: LIVE_URL })]);
  });
});
