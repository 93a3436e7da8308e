import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, createSession, type Merchant, newMerchant } from './helpers';

/**
 * A new session takes its defaults from the settings the isolate last saw, inserted only while their
 * version is current. Every test first creates a session so this isolate remembers the settings, then
 * changes them the way another isolate would (straight in D1, bumping the version as every settings
 * write does), so only the guard stands between the next session and the stale copy.
 */
const patch = (m: Merchant, body: Record<string, unknown>) =>
  api('/api/v1/merchant', m.secret_keys.test, { method: 'PATCH', body });

/** What a settings write in another isolate leaves in D1 (this isolate's copy is not told). */
async function changeElsewhere(m: Merchant, column: string, value: unknown) {
  await env.DB.prepare(
    `UPDATE merchant_mode_settings SET ${column} = ?, version = version + 1 WHERE merchant_id = ? AND mode = 'test'`,
  )
    .bind(value === null ? null : JSON.stringify(value), m.merchant_id)
    .run();
}

type Session = { token: string; payment_method: unknown; required_customer_fields: string[] };
const create = async (m: Merchant, body: Record<string, unknown> = {}) =>
  api('/api/v1/checkout/sessions', m.secret_keys.test, {
    method: 'POST',
    body: {
      amount: 10000,
      currency: 'BRL',
      merchant_order_id: `ord_${crypto.randomUUID()}`,
      expires_in: 3600,
      ...body,
    },
  });

let m: Merchant;
beforeAll(async () => {
  m = await newMerchant();
  expect((await patch(m, { enabled_methods: ['pix', 'boleto'] })).status).toBe(200);
  await createSession(m.secret_keys.test, { payment_method: undefined });
});

describe("a session made after the mode's settings changed in another isolate", () => {
  it('takes the new defaults, not the copy this isolate remembers', async () => {
    await changeElsewhere(m, 'required_customer_fields', ['phone']);
    const res = await create(m);
    expect(res.status, await res.clone().text()).toBe(201);
    const s = (await res.json()) as Session;
    expect(s.required_customer_fields).toEqual(['phone']);
    expect(s.payment_method).toEqual(['pix', 'boleto']);
    await changeElsewhere(m, 'required_customer_fields', []);
  });

  it('is accepted with a method enabled since, which the remembered copy would refuse', async () => {
    const own = await newMerchant();
    expect((await patch(own, { enabled_methods: ['pix'] })).status).toBe(200);
    expect((await create(own, { payment_method: 'card' })).status).toBe(422);
    await changeElsewhere(own, 'enabled_methods', ['pix', 'card']);
    const res = await create(own, { payment_method: 'card' });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it('is refused with a method disabled since, which the remembered copy would allow', async () => {
    const own = await newMerchant();
    expect((await patch(own, { enabled_methods: ['pix', 'card'] })).status).toBe(200);
    expect((await create(own, { payment_method: 'card' })).status).toBe(201);
    await changeElsewhere(own, 'enabled_methods', ['pix']);
    const res = await create(own, { payment_method: 'card' });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { code: string; errors: { field: string; code: string }[] };
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors).toContainEqual(expect.objectContaining({ code: 'method_not_enabled' }));
  });

  it('every settings write through the API bumps the version the guard compares', async () => {
    const version = async () =>
      (
        await env.DB.prepare(
          "SELECT version FROM merchant_mode_settings WHERE merchant_id = ? AND mode = 'test'",
        )
          .bind(m.merchant_id)
          .first<{ version: number }>()
      )?.version;
    const before = await version();
    expect((await patch(m, { required_customer_fields: ['document'] })).status).toBe(200);
    expect(await version()).toBe((before ?? 0) + 1);
    const rolled = await api('/api/v1/webhook_secret/roll', m.secret_keys.test, { method: 'POST' });
    expect(rolled.status, await rolled.clone().text()).toBeLessThan(300);
    expect(await version()).toBe((before ?? 0) + 2);
  });
});
