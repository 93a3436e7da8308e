import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, type Merchant, newMerchant } from './helpers';
import { type PanelClient, signedIn } from './panel-helpers';
import { paidPayment } from './refund-helpers';

/** The panel's refund form makes one refund however many times it is sent. */
let m: Merchant;
let owner: PanelClient;
beforeAll(async () => {
  m = await newMerchant();
  owner = (await signedIn(m.merchant_id, 'owner')).client;
});

async function refundForm(path: string) {
  const { html, csrf } = await owner.page(path);
  const key = /name="request_key" value="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(key).toMatch(/^rfq_/);
  return { csrf, key };
}

async function refundAmounts(paymentId: string) {
  const res = await api(`/api/v1/payments/${paymentId}`, m.secret_keys.test);
  return ((await res.json()) as { refunds: { amount: number }[] }).refunds.map((r) => r.amount);
}

describe('panel: a refund form sent twice', () => {
  it('a reload or a double click (the same form, sent again and at once) refunds once', async () => {
    const p = await paidPayment(m, 'card');
    const path = `/dashboard/test/payments/${p.session.token}`;
    const { csrf, key } = await refundForm(path);
    const form = { _csrf: csrf, payment_id: p.paymentId, amount: '10.00', request_key: key };
    const [first, second] = await Promise.all([
      owner.request(`${path}/refunds`, { form }),
      owner.request(`${path}/refunds`, { form }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const again = await owner.request(`${path}/refunds`, { form });
    expect(again.status).toBe(200);
    expect(await refundAmounts(p.paymentId)).toEqual([1000]);
    const rows = await env.DB.prepare('SELECT request_key FROM refunds WHERE payment_id = ?')
      .bind(p.paymentId)
      .all<{ request_key: string }>();
    expect(rows.results.map((r) => r.request_key)).toEqual([`panel:${key}`]);
    // One refund, one line in the audit log: the sends that found it made do not record it again.
    const audited = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'refund.created' AND detail LIKE ?",
    )
      .bind(`%${p.paymentId}%`)
      .first<{ n: number }>();
    expect(audited?.n).toBe(1);
  });

  it('a new rendering of the form is a new refund', async () => {
    const p = await paidPayment(m, 'card');
    const path = `/dashboard/test/payments/${p.session.token}`;
    for (const amount of ['10.00', '20.00']) {
      const { csrf, key } = await refundForm(path);
      const res = await owner.request(`${path}/refunds`, {
        form: { _csrf: csrf, payment_id: p.paymentId, amount, request_key: key },
      });
      expect(res.status).toBe(200);
    }
    expect((await refundAmounts(p.paymentId)).sort()).toEqual([1000, 2000]);
  });

  it('a form without its key (or with a forged one) still refunds, once per send, as before', async () => {
    const p = await paidPayment(m, 'card');
    const path = `/dashboard/test/payments/${p.session.token}`;
    const { csrf } = await refundForm(path);
    for (const request_key of ['', 'not-a-key']) {
      const res = await owner.request(`${path}/refunds`, {
        form: { _csrf: csrf, payment_id: p.paymentId, amount: '5.00', request_key },
      });
      expect(res.status).toBe(200);
    }
    expect(await refundAmounts(p.paymentId)).toEqual([500, 500]);
  });
});
