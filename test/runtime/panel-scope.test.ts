import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids';
import { CUSTOMER, card, pay } from './client-helpers';
import { api, call, createSession, type Merchant, newMerchant } from './helpers';
import { PanelClient, signedIn } from './panel-helpers';
import { paidPayment } from './refund-helpers';
import { insertEvent } from './webhook-helpers';

/** A delivery that ran out of attempts, written straight to D1, `minutesAgo` before now. */
async function failedDelivery(merchantId: string, mode: 'test' | 'live', sessionId: string, minutesAgo = 5) {
  const eventId = await insertEvent({ merchantId, sessionId, mode });
  const at = Date.now() - minutesAgo * 60_000;
  await env.DB.prepare(
    `INSERT INTO webhook_deliveries (id, event_id, merchant_id, target, url, status, attempts, created_at, updated_at)
     VALUES (?, ?, ?, 'notification', 'https://hooks.mystore.com/borda', 'failed', 9, ?, ?)`,
  )
    .bind(newId('whd'), eventId, merchantId, at, at)
    .run();
  return eventId;
}

async function deliveryStatus(eventId: string) {
  return (
    await env.DB.prepare('SELECT status FROM webhook_deliveries WHERE event_id = ?')
      .bind(eventId)
      .first<{ status: string }>()
  )?.status;
}

let a: Merchant;
let b: Merchant;
let owner: PanelClient;
let paidA: { session: { token: string }; paymentId: string };
let paidB: { session: { token: string }; paymentId: string };

beforeAll(async () => {
  a = await newMerchant();
  b = await newMerchant();
  owner = (await signedIn(a.merchant_id, 'owner')).client;
  paidA = await paidPayment(a, 'card');
  paidB = await paidPayment(b, 'card');
});

describe('panel: payments', () => {
  it('finds a boleto by its linha digitável, typed with its punctuation', async () => {
    const boleto = await paidPayment(a, 'boleto');
    const pix = await paidPayment(a, 'pix');
    const b = (await (await api(`/api/v1/payments/${boleto.paymentId}`, a.secret_keys.test)).json()) as {
      boleto: { line: string };
    };
    const digits = b.boleto.line.replace(/\D/g, '');
    expect(digits).toHaveLength(47);
    const typed = `${digits.slice(0, 5)}.${digits.slice(5, 10)} ${digits.slice(10)}`;
    const byLine = await owner.page(`/dashboard/test/payments?q=${encodeURIComponent(typed)}`);
    expect(byLine.html).toContain(`/payments/${boleto.session.token}"`);
    expect(byLine.html).not.toContain(`/payments/${pix.session.token}"`);
  });

  it("finds a paid session by the customer's CPF (any punctuation), by e-mail, order id and payment id", async () => {
    for (const q of [
      '529.982.247-25',
      '52998224725',
      CUSTOMER.email.toUpperCase(),
      paidA.paymentId,
      paidA.session.token,
    ]) {
      const { html } = await owner.page(`/dashboard/test/payments?q=${encodeURIComponent(q)}`);
      expect(html, q).toContain(`/payments/${paidA.session.token}"`);
      expect(html, q).not.toContain(`/payments/${paidB.session.token}"`);
    }
    // paidA is BRL 150.00: the amount bounds are typed in decimals and compared exactly.
    for (const [range, found] of [
      ['min=150.00&max=150', true],
      ['min=100', true],
      ['min=150.01', false],
      ['max=149.99', false],
      ['min=abc', false],
    ] as const) {
      const page = await owner.page(`/dashboard/test/payments?q=52998224725&${range}`);
      expect(page.html.includes(`/payments/${paidA.session.token}"`), range).toBe(found);
    }
    const sandbox = await owner.page(`/dashboard/test/payments?gateway=sandbox&q=52998224725`);
    expect(sandbox.html).toContain(`/payments/${paidA.session.token}"`);
    const pagarme = await owner.page(`/dashboard/test/payments?gateway=pagarme&q=52998224725`);
    expect(pagarme.html).not.toContain(`/payments/${paidA.session.token}"`);
    const { html } = await owner.page(`/dashboard/test/payments?status=expired&q=52998224725`);
    expect(html).not.toContain(`/payments/${paidA.session.token}"`);
    const pix = await owner.page(`/dashboard/test/payments?method=pix&q=52998224725`);
    expect(pix.html).not.toContain(`/payments/${paidA.session.token}"`);
  });

  it('shows the timeline: gateway calls with latency and outcome, events, deliveries', async () => {
    const eventId = await failedDelivery(a.merchant_id, 'test', paidA.session.token, 180);
    const { res, html } = await owner.page(`/dashboard/test/payments/${paidA.session.token}`);
    expect(html).toContain(eventId);
    expect(html).toContain('failed to <code>https://hooks.mystore.com/borda</code>');
    expect(res.status).toBe(200);
    expect(html).toContain(paidA.paymentId);
    expect(html).toMatch(/paid<\/td><td>\d+ ms/);
    expect(html).toContain('payment.success');
  });

  it('refunds half through the refunds service, and the audit log records it', async () => {
    const p = await paidPayment(a, 'card');
    const path = `/dashboard/test/payments/${p.session.token}`;
    const res = await owner.submit(path, `${path}/refunds`, { payment_id: p.paymentId, amount: '75.00' });
    // The rest can be refunded from the same page after a partial refund.
    expect((await owner.page(path)).html).toContain('>Refund</button>');
    const html = await res.text();
    expect(res.status, html).toBe(200);
    expect(html).toContain('BRL 75.00');
    const payment = (await (await api(`/api/v1/payments/${p.paymentId}`, a.secret_keys.test)).json()) as {
      refunds: { amount: number }[];
    };
    expect(payment.refunds.map((r) => r.amount)).toEqual([7500]);
    const audit = await owner.page('/dashboard/audit');
    expect(audit.html).toContain('refund.created');
    // A third decimal is not an amount in BRL.
    const bad = await owner.submit(path, `${path}/refunds`, { payment_id: p.paymentId, amount: '1.005' });
    expect(bad.status).toBe(400);
  });
});

describe('panel: isolation between merchants and modes', () => {
  it("never shows or acts on another merchant's data, nor on the other mode's", async () => {
    const foreignPage = await owner.request(`/dashboard/test/payments/${paidB.session.token}`);
    expect(foreignPage.status).toBe(404);
    expect(foreignPage.headers.get('content-type')).toContain('text/html');
    expect(foreignPage.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect((await owner.request(`/dashboard/live/payments/${paidA.session.token}`)).status).toBe(404);
    expect((await owner.page(`/dashboard/live/payments?q=${paidA.session.token}`)).html).not.toContain(
      `/payments/${paidA.session.token}"`,
    );
    expect((await owner.page(`/dashboard/test/payments?q=${paidB.session.token}`)).html).not.toContain(
      `/payments/${paidB.session.token}"`,
    );
    expect((await owner.page(`/dashboard/test/payments?q=${paidA.session.token}`)).html).toContain(
      `/payments/${paidA.session.token}"`,
    );

    // Refunding B's payment from A's page, or A's test payment from live, changes nothing.
    const path = `/dashboard/test/payments/${paidA.session.token}`;
    expect((await owner.submit(path, `${path}/refunds`, { payment_id: paidB.paymentId })).status).toBe(400);
    const livePath = `/dashboard/live/payments/${paidA.session.token}`;
    expect(
      (await owner.submit('/dashboard/live/payments', `${livePath}/refunds`, { payment_id: paidA.paymentId }))
        .status,
    ).toBe(404);
    const bPayment = (await (
      await api(`/api/v1/payments/${paidB.paymentId}`, b.secret_keys.test)
    ).json()) as {
      refunds: unknown[];
    };
    expect(bPayment.refunds).toEqual([]);

    // Redelivery and replay stay in the merchant and the mode.
    const sB = await createSession(b.secret_keys.test);
    const foreign = await failedDelivery(b.merchant_id, 'test', sB.token);
    const liveOwn = await failedDelivery(a.merchant_id, 'live', paidA.session.token);
    const own = await failedDelivery(a.merchant_id, 'test', paidA.session.token);
    const old = await failedDelivery(a.merchant_id, 'test', paidA.session.token, 120);
    expect(
      (await owner.submit('/dashboard/test/webhooks', `/dashboard/test/webhooks/${foreign}/redeliver`))
        .status,
    ).toBe(404);
    const log = await owner.page('/dashboard/test/webhooks');
    expect(log.html).toContain(own);
    expect(log.html).not.toContain(foreign);
    expect(log.html).not.toContain(liveOwn);
    const replay = await owner.submit('/dashboard/test/webhooks', '/dashboard/test/webhooks/replay', {
      hours: '1',
    });
    expect(await replay.text()).toContain('Replaying 1 failed event');
    expect(await deliveryStatus(own)).toBe('pending');
    expect(await deliveryStatus(old)).toBe('failed');
    expect(await deliveryStatus(foreign)).toBe('failed');
    expect(await deliveryStatus(liveOwn)).toBe('failed');
  });

  it('a key roll and a settings change in test mode leave live alone', async () => {
    const m = await newMerchant();
    const o = (await signedIn(m.merchant_id, 'owner')).client;
    // Used once first, so this isolate has the key cached: the roll must still end it at once here.
    expect((await api('/api/v1/merchant', m.secret_keys.test)).status).toBe(200);
    const res = await o.submit('/dashboard/test/developers', '/dashboard/test/developers/keys/roll', {
      kind: 'secret',
    });
    const newKey = /id="shown-secret">(sk_test_[0-9A-Za-z]{32})</.exec(await res.text())?.[1];
    expect(newKey).toBeDefined();
    expect((await api('/api/v1/merchant', m.secret_keys.test)).status).toBe(401);
    expect((await api('/api/v1/merchant', newKey as string)).status).toBe(200);
    expect((await api('/api/v1/merchant', m.secret_keys.live)).status).toBe(200);

    await o.submit('/dashboard/test/settings', '/dashboard/test/settings', { max_installments: '6' });
    const test = (await (await api('/api/v1/merchant', newKey as string)).json()) as Record<string, unknown>;
    const live = (await (await api('/api/v1/merchant', m.secret_keys.live)).json()) as Record<
      string,
      unknown
    >;
    expect(test.default_installments).toEqual({ max_installments: 6 });
    expect(live.default_installments).toBeNull();

    const saved = await o.submit('/dashboard/test/settings', '/dashboard/test/settings', {
      max_installments: '6',
      notification_url: 'https://hooks.mystore.com/borda',
      late_payment_policy: 'refund',
    });
    const savedHtml = await saved.text();
    expect(saved.status, /role="alert">([^<]*)/.exec(savedHtml)?.[1]).toBe(200);
    const test2 = (await (await api('/api/v1/merchant', newKey as string)).json()) as Record<string, unknown>;
    const live2 = (await (await api('/api/v1/merchant', m.secret_keys.live)).json()) as Record<
      string,
      unknown
    >;
    expect(test2).toMatchObject({
      notification_url: 'https://hooks.mystore.com/borda',
      late_payment_policy: 'refund',
    });
    expect(live2).toMatchObject({ notification_url: null, late_payment_policy: 'hold' });
    // The same URL check as the API: a private address is refused and nothing changes.
    const refused = await o.submit('/dashboard/test/settings', '/dashboard/test/settings', {
      max_installments: '2',
      notification_url: 'https://10.0.0.1/hook',
      late_payment_policy: 'accept',
    });
    expect(refused.status).toBe(400);
    const test3 = (await (await api('/api/v1/merchant', newKey as string)).json()) as Record<string, unknown>;
    expect(test3).toMatchObject({
      notification_url: 'https://hooks.mystore.com/borda',
      late_payment_policy: 'refund',
    });
    expect(test3.default_installments).toEqual({ max_installments: 6 });
  });
});

describe('panel: roles', () => {
  it('support searches and refunds but cannot roll keys, see webhooks, settings, users or the audit log', async () => {
    const { client } = await signedIn(a.merchant_id, 'support');
    expect((await client.request('/dashboard/test/payments')).status).toBe(200);
    for (const path of [
      '/dashboard/test/developers',
      '/dashboard/test/webhooks',
      '/dashboard/test/settings',
      '/dashboard/users',
      '/dashboard/audit',
    ]) {
      expect((await client.request(path)).status, path).toBe(403);
    }
    const csrf = (await client.page('/dashboard/test/payments')).csrf;
    const roll = await client.request('/dashboard/test/developers/keys/roll', {
      form: { _csrf: csrf, kind: 'secret' },
    });
    expect(roll.status).toBe(403);
    expect((await api('/api/v1/merchant', a.secret_keys.test)).status).toBe(200);
    const secret = await client.request('/dashboard/test/developers/webhook-secret/roll', {
      form: { _csrf: csrf },
    });
    expect(secret.status).toBe(403);
    const p = await paidPayment(a, 'card');
    const path = `/dashboard/test/payments/${p.session.token}`;
    expect((await client.submit(path, `${path}/refunds`, { payment_id: p.paymentId })).status).toBe(200);
  });

  it('a developer rolls keys and changes settings but cannot refund or manage users', async () => {
    const { client } = await signedIn(a.merchant_id, 'developer');
    expect((await client.request('/dashboard/test/developers')).status).toBe(200);
    expect((await client.request('/dashboard/test/settings')).status).toBe(200);
    expect((await client.request('/dashboard/users')).status).toBe(403);
    expect((await client.request('/dashboard/audit')).status).toBe(403);
    const p = await paidPayment(a, 'card');
    const path = `/dashboard/test/payments/${p.session.token}`;
    const page = await client.page(path);
    expect(page.html).not.toContain('>Refund</button>');
    const res = await client.request(`${path}/refunds`, {
      form: { _csrf: page.csrf, payment_id: p.paymentId },
    });
    expect(res.status).toBe(403);
  });

  it("the owner's audit log holds sign-ins and actions of its merchant only", async () => {
    const other = await signedIn(b.merchant_id, 'owner');
    await other.client.submit('/dashboard/test/developers', '/dashboard/test/developers/webhook-secret/roll');
    const { html } = await owner.page('/dashboard/audit');
    expect(html).toContain('signin.succeeded');
    expect(html).not.toContain(other.email);
    expect(html).not.toContain('webhook_secret.rolled');
    const theirs = await other.client.page('/dashboard/audit');
    expect(theirs.html).toContain('webhook_secret.rolled');
    expect(theirs.html).toContain(other.email);
  });
});

describe('panel: default installments', () => {
  it('a session created without payment_settings offers the mode default; an explicit one wins', async () => {
    const m = await newMerchant();
    const o = (await signedIn(m.merchant_id, 'owner')).client;
    const before = await createSession(m.secret_keys.test);
    const saved = await o.submit('/dashboard/test/settings', '/dashboard/test/settings', {
      max_installments: '3',
      max_installments_interest: '6',
      interest: '1.99',
    });
    expect(saved.status).toBe(200);
    const counts = async (token: string) => {
      const view = (await (await call(`/c/v1/sessions/${token}`)).json()) as {
        methods: { method: string; installments: { count: number; with_interest: boolean }[] }[];
      };
      return view.methods
        .find((x) => x.method === 'card')
        ?.installments.map((i) => `${i.count}${i.with_interest ? 'i' : ''}`);
    };
    expect(await counts(before.token)).toEqual(['1']);
    const after = await createSession(m.secret_keys.test);
    expect(await counts(after.token)).toEqual(['1', '2', '3', '4i', '5i', '6i']);
    const explicit = await createSession(m.secret_keys.test, {
      payment_settings: [{ payment_type: 'card', max_installments: 2 }],
    });
    expect(await counts(explicit.token)).toEqual(['1', '2']);
    // The seed 004 dialect: an order without payments_settings gets the same default.
    const order = await api('/checkout/orders', m.secret_keys.test, {
      body: {
        merchant_id: m.merchant_id,
        order: {
          merchant_key: `pedido-${Date.now()}`,
          amount: 60000,
          description: 'Pedido de teste',
          sandbox: true,
          customer: {
            customer_type: 0,
            name: 'João Silva',
            email: 'joao@silva.com',
            legal_number: '52998224725',
          },
        },
      },
    });
    const created = (await order.json()) as { id: string; checkout_url: string };
    expect(order.status, JSON.stringify(created)).toBe(201);
    // The order's link leads to its current session's page: that session is the one to read.
    const link = new URL(created.checkout_url);
    const hop = await call(`${link.pathname}${link.search}`, { redirect: 'manual' });
    const sessionToken = (hop.headers.get('location') ?? '').split('?')[0]?.split('/').pop() ?? '';
    expect(sessionToken).toMatch(/^cs_test_/);
    expect(await counts(sessionToken)).toEqual(['1', '2', '3', '4i', '5i', '6i']);
    const live = await createSession(m.secret_keys.live);
    expect(await counts(live.token)).toEqual(['1']);
    const invalid = await o.submit('/dashboard/test/settings', '/dashboard/test/settings', {
      max_installments: '4',
      max_installments_interest: '8',
    });
    expect(invalid.status).toBe(400);
  });
});

describe('panel: CSV export', () => {
  it("exports the filtered sessions of the merchant's mode, formulas defused, and audits it", async () => {
    const m = await newMerchant();
    const o = (await signedIn(m.merchant_id, 'owner')).client;
    const formula = await createSession(m.secret_keys.test, {
      merchant_order_id: `=HYPERLINK("http://evil.example")-${Date.now()}`,
      customer: { name: 'Ana', email: 'ana@mystore.com', document: '529.982.247-25' },
    });
    const other = await createSession(m.secret_keys.live);
    const res = await o.request('/dashboard/test/payments.csv?status=open');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'session_id,merchant_order_id,status,amount,currency,customer_email,customer_document,created_at',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      new RegExp(
        `^${formula.token},"'=HYPERLINK\\(""http://evil.example""\\)-\\d+",open,150.00,BRL,ana@mystore.com,52998224725,`,
      ),
    );
    expect(lines.join('\n')).not.toContain(other.token);
    expect(lines.join('\n')).not.toContain(paidB.session.token);
    expect((await o.page('/dashboard/audit')).html).toContain('payments.exported');
  });
});

describe('panel: endpoint health', () => {
  it("shows each endpoint's attempts, success rate and latency over the last 24 h, in the mode only", async () => {
    const m = await newMerchant();
    const o = (await signedIn(m.merchant_id, 'owner')).client;
    const s = await createSession(m.secret_keys.test);
    const now = Date.now();
    const attempt = async (
      mode: 'test' | 'live',
      url: string,
      tries: Array<[number | null, number, number]>,
    ) => {
      const eventId = await insertEvent({ merchantId: m.merchant_id, sessionId: s.token, mode });
      const deliveryId = newId('whd');
      await env.DB.prepare(
        `INSERT INTO webhook_deliveries (id, event_id, merchant_id, target, url, status, attempts, created_at, updated_at)
         VALUES (?, ?, ?, 'notification', ?, 'delivered', ?, ?, ?)`,
      )
        .bind(deliveryId, eventId, m.merchant_id, url, tries.length, now, now)
        .run();
      for (const [status, latency, ago] of tries) {
        await env.DB.prepare(
          'INSERT INTO webhook_attempts (id, delivery_id, attempted_at, status_code, latency_ms, error) VALUES (?, ?, ?, ?, ?, ?)',
        )
          .bind(newId('wha'), deliveryId, now - ago, status, latency, status === null ? 'timeout' : null)
          .run();
      }
    };
    const HOUR = 3_600_000;
    await attempt('test', 'https://hooks.mystore.com/a', [
      [500, 100, HOUR],
      [null, 300, HOUR],
      [200, 50, HOUR],
      [204, 30, 2 * HOUR],
      [200, 9999, 25 * HOUR], // older than 24 h: not counted
    ]);
    await attempt('live', 'https://hooks.mystore.com/a', [[500, 7000, HOUR]]);
    const { html } = await o.page('/dashboard/test/webhooks');
    const rows = [...html.matchAll(/<tr class="endpoint">(.*?)<\/tr>/g)].map((r) =>
      [...(r[1] ?? '').matchAll(/<td>(.*?)<\/td>/g)].map((c) => (c[1] ?? '').replace(/<[^>]+>/g, '')),
    );
    expect(rows).toEqual([['https://hooks.mystore.com/a', '4', '50%', '120 ms', '300 ms']]);
  });
});

describe('panel: held money', () => {
  it('shows a late PIX held for decision and accepts it through the same service as the API', async () => {
    const m = await newMerchant();
    const o = (await signedIn(m.merchant_id, 'owner')).client;
    const support = (await signedIn(m.merchant_id, 'developer')).client;
    const s = await createSession(m.secret_keys.test, { payment_method: ['pix', 'card'], amount: 10000 });
    const paid = (await (await pay(s.token, { method: 'pix' })).json()) as { payment: { id: string } };
    await api(`/api/v1/checkout/sessions/${s.token}/expire`, m.secret_keys.test, { method: 'POST' });
    await api(`/api/v1/test/payments/${paid.payment.id}/simulate`, m.secret_keys.test, {
      body: { outcome: 'paid' },
    });
    const path = `/dashboard/test/payments/${s.token}`;
    const page = await o.page(path);
    expect(page.html).toContain('Money held for your decision (late');
    // A developer may look but not decide.
    const devPage = await support.page(path);
    expect(devPage.html).not.toContain('Accept payment');
    expect(
      (
        await support.request(`${path}/accept`, {
          form: { _csrf: devPage.csrf, payment_id: paid.payment.id },
        })
      ).status,
    ).toBe(403);
    const res = await o.submit(path, `${path}/accept`, { payment_id: paid.payment.id });
    expect(res.status).toBe(200);
    const after = (await (await api(`/api/v1/payments/${paid.payment.id}`, m.secret_keys.test)).json()) as {
      settlement: { flag: string; resolution: string };
    };
    expect(after.settlement).toMatchObject({ flag: 'late', resolution: 'accepted' });
    expect((await o.page('/dashboard/audit')).html).toContain('payment.accepted');
  });
});

describe('panel: overview', () => {
  it('counts the mode’s sessions created and paid, and approval by method and gateway', async () => {
    const m = await newMerchant();
    const o = (await signedIn(m.merchant_id, 'support')).client;
    const refunded = await paidPayment(m, 'card');
    // A payment refunded since still counts as approved.
    await api(`/api/v1/payments/${refunded.paymentId}/refunds`, m.secret_keys.test, { body: {} });
    const declined = await createSession(m.secret_keys.test);
    await pay(declined.token, { method: 'card', card: card('4000000000000002') });
    await createSession(m.secret_keys.test);
    await createSession(m.secret_keys.live);
    const { res, html } = await o.page('/dashboard/test/overview');
    expect(res.status).toBe(200);
    expect(html).toContain('Last 14 days: 3 sessions, 1 paid (33.3%).');
    const rows = [...html.matchAll(/<tr class="rate">(.*?)<\/tr>/g)].map((r) =>
      [...(r[1] ?? '').matchAll(/<td>(.*?)<\/td>/g)].map((x) => x[1]),
    );
    expect(rows).toEqual([
      ['card', '2', '1', '50%'],
      ['sandbox', '2', '1', '50%'],
    ]);
    expect(html).toMatch(/<svg[^>]*role="img"/);
    const live = await o.page('/dashboard/live/overview');
    expect(live.html).toContain('Last 14 days: 1 sessions, 0 paid (0%).');
  });
});

describe('panel: key roll with an overlap', () => {
  it('keeps the old key working for the chosen hour; a roll with no overlap stops every older key at once', async () => {
    const m = await newMerchant();
    const o = (await signedIn(m.merchant_id, 'developer')).client;
    const roll = async (overlap: string) => {
      const res = await o.submit('/dashboard/test/developers', '/dashboard/test/developers/keys/roll', {
        kind: 'secret',
        overlap,
      });
      const html = await res.text();
      return { html, key: /id="shown-secret">(sk_test_[0-9A-Za-z]{32})</.exec(html)?.[1] as string };
    };
    const first = await roll('1');
    expect((await api('/api/v1/merchant', m.secret_keys.test)).status).toBe(200);
    expect((await api('/api/v1/merchant', first.key)).status).toBe(200);
    expect(first.html).toMatch(/class="key-stops"> · stops \d{4}-/);
    const second = await roll('0');
    expect((await api('/api/v1/merchant', m.secret_keys.test)).status).toBe(401);
    expect((await api('/api/v1/merchant', first.key)).status).toBe(401);
    expect((await api('/api/v1/merchant', second.key)).status).toBe(200);
    expect((await api('/api/v1/merchant', m.secret_keys.live)).status).toBe(200);
  });
});

describe('panel: a path no page answers', () => {
  it.each([
    '/dashboard/test/no-such-page',
    '/dashboard/test/payments/cs_test_nope/refunds/x',
    '/dashboard/staging/payments',
    '/dashboard/no-such-page',
  ])('%s is a 404 page with a way back, for the signed in', async (path) => {
    const { res, html } = await owner.page(path);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('<h1>Not found</h1>');
    expect(html).toContain('href="/dashboard"');
  });

  it('sends the signed-out to sign in rather than saying what exists', async () => {
    const res = await new PanelClient().request('/dashboard/test/no-such-page');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/dashboard\/login/);
  });
});
