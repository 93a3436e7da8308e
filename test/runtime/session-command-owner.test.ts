import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { pay } from './client-helpers';
import { createSession, type Merchant, newMerchant } from './helpers';

/**
 * The SessionDO's payment commands check the owner they are given themselves, beside the routes'
 * own checks: a command naming another merchant or mode finds no payment, and changes nothing.
 */
let m: Merchant;
let other: Merchant;
beforeAll(async () => {
  m = await newMerchant();
  other = await newMerchant();
});

const stubFor = (token: string) => env.SESSION_DO.get(env.SESSION_DO.idFromName(token));

async function pendingPix() {
  const s = await createSession(m.secret_keys.test, { payment_method: 'pix' });
  const res = await pay(s.token, { method: 'pix' });
  expect(res.status, await res.clone().text()).toBe(201);
  const { payment } = (await res.json()) as { payment: { id: string } };
  return { token: s.token, paymentId: payment.id };
}

async function paymentStatus(id: string) {
  return (
    await env.DB.prepare('SELECT status FROM payments WHERE id = ?').bind(id).first<{ status: string }>()
  )?.status;
}

describe("a SessionDO command naming another owner than the payment's", () => {
  it('settle, accept and refund answer not_found for another mode or merchant, and the payment stays as it was', async () => {
    const { token, paymentId } = await pendingPix();
    const stub = stubFor(token);
    const strangers = [
      { merchantId: m.merchant_id, mode: 'live' as const },
      { merchantId: other.merchant_id, mode: 'test' as const },
    ];
    for (const owner of strangers) {
      const cmd = { sessionId: token, paymentId, owner };
      expect(await stub.settle({ ...cmd, outcome: 'paid' })).toMatchObject({ ok: false, code: 'not_found' });
      expect(await stub.accept({ ...cmd, outcome: 'paid' })).toMatchObject({ ok: false, code: 'not_found' });
      expect(await stub.refund({ ...cmd, amount: 100, origin: 'merchant' })).toMatchObject({
        ok: false,
        code: 'not_found',
      });
    }
    expect(await paymentStatus(paymentId)).toBe('pending');
    // The owner itself is let through.
    const settled = await stub.settle({
      sessionId: token,
      paymentId,
      outcome: 'paid',
      owner: { merchantId: m.merchant_id, mode: 'test' },
    });
    expect(settled).toMatchObject({ ok: true });
    expect(await paymentStatus(paymentId)).toBe('paid');
  });
});
