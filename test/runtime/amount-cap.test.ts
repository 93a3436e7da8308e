import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { card, pay, VISA_OK } from './client-helpers';
import { api, createSession, type Merchant, newMerchant, sessionBody } from './helpers';

/** The charged amount, after additions and interest, is capped like the session amount (MAX_AMOUNT). */
let m: Merchant;
beforeAll(async () => {
  m = await newMerchant();
});

const DEAR = [
  {
    payment_type: 'credit_card',
    addition: 100,
    max_installments: 1,
    max_installments_interest: 12,
    interest: 100,
  },
];

describe('the charge cap', () => {
  it('refuses at creation a session whose addition and interest would charge past the cap', async () => {
    const body = sessionBody({ amount: 9_999_999_999, payment_settings: DEAR });
    const res = await api('/api/v1/checkout/sessions', m.secret_keys.test, { body });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ field: 'payment_settings', code: 'too_big' }] });
    const row = await env.DB.prepare('SELECT id FROM checkout_sessions WHERE merchant_order_id = ?')
      .bind(body.merchant_order_id)
      .first();
    expect(row).toBeNull();
  });

  it('accepts the same settings on an amount whose dearest plan stays under the cap', async () => {
    const res = await api('/api/v1/checkout/sessions', m.secret_keys.test, {
      body: sessionBody({ amount: 15000, payment_settings: DEAR }),
    });
    expect(res.status).toBe(201);
  });

  it('never charges past the cap even for a session stored before the check (422, no payment)', async () => {
    const s = await createSession(m.secret_keys.test, { amount: 15000, payment_settings: DEAR });
    await env.DB.prepare('UPDATE checkout_sessions SET amount = 9999999999 WHERE id = ?').bind(s.token).run();
    const res = await pay(s.token, { method: 'card', card: card(VISA_OK), installments: 12 });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ errors: [{ field: 'installments', code: 'too_big' }] });
    const paid = await env.DB.prepare('SELECT count(*) AS n FROM payments WHERE session_id = ?')
      .bind(s.token)
      .first<{ n: number }>();
    expect(paid?.n).toBe(0);
  });
});
