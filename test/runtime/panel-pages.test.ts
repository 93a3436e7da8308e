import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids';
import { clientPost, pay } from './client-helpers';
import { consumeDev, receiver, storeEndpoint } from './endpoint-helpers';
import { api, createSession, type Merchant, newMerchant } from './helpers';
import { waitForNotifications } from './notification-helpers';
import { type PanelClient, signedIn } from './panel-helpers';
import { paidPayment } from './refund-helpers';
import { insertEvent } from './webhook-helpers';

/** The panel's lists past 50 rows (keyset pages), response excerpts, per-endpoint figures, PIX search. */
let a: Merchant;
let b: Merchant;
let owner: PanelClient;
let ownerB: PanelClient;

beforeAll(async () => {
  [a, b] = await Promise.all([newMerchant({ name: 'A' }), newMerchant({ name: 'B' })]);
  owner = (await signedIn(a.merchant_id, 'owner')).client;
  ownerB = (await signedIn(b.merchant_id, 'owner')).client;
});

const unescapeHtml = (s: string) => s.replace(/&amp;/g, '&');
const link = (html: string, rel: 'next' | 'prev') =>
  unescapeHtml(new RegExp(`<a href="([^"]+)" rel="${rel}">`).exec(html)?.[1] ?? '') || null;
const sessionIds = (html: string) =>
  [...html.matchAll(/<a href="\/dashboard\/test\/payments\/(cs_test_\w+)">/g)].map((m) => m[1]);
const deliveryIds = (html: string) =>
  [...html.matchAll(/<tr class="delivery" id="(whd_\w+)">/g)].map((m) => m[1]);

describe('panel: pages past 50', () => {
  it('pages 120 sessions 50 at a time, newest first, with no duplicate or gap, stable under inserts', async () => {
    const m = await newMerchant({ name: 'Many' });
    const o = (await signedIn(m.merchant_id, 'owner')).client;
    for (let i = 0; i < 12; i += 1) {
      await Promise.all(Array.from({ length: 10 }, () => createSession(m.secret_keys.test)));
    }
    const { results } = await env.DB.prepare(
      "SELECT id FROM checkout_sessions WHERE merchant_id = ? AND mode = 'test' ORDER BY created_at DESC, id DESC",
    )
      .bind(m.merchant_id)
      .all<{ id: string }>();
    const all = results.map((r) => r.id);
    expect(all).toHaveLength(120);

    const first = await o.page('/dashboard/test/payments?status=open');
    expect(sessionIds(first.html)).toEqual(all.slice(0, 50));
    expect(link(first.html, 'prev')).toBeNull();
    const older = link(first.html, 'next') ?? '';
    expect(older).toContain('status=open');
    // New sessions arriving meanwhile do not shift the next page.
    await Promise.all(Array.from({ length: 3 }, () => createSession(m.secret_keys.test)));
    const second = await o.page(older);
    expect(sessionIds(second.html)).toEqual(all.slice(50, 100));
    const third = await o.page(link(second.html, 'next') ?? '');
    expect(sessionIds(third.html)).toEqual(all.slice(100));
    expect(link(third.html, 'next')).toBeNull();
    // Back from the third page: the second again, exactly.
    const back = await o.page(link(third.html, 'prev') ?? '');
    expect(sessionIds(back.html)).toEqual(all.slice(50, 100));
    // A filter that matches nothing on the next page keeps its filter and shows nothing foreign.
    const expired = await o.page(
      `/dashboard/test/payments?status=expired&after=${encodeURIComponent(older.split('after=')[1] ?? '')}`,
    );
    expect(sessionIds(expired.html)).toEqual([]);
  });

  it('pages the delivery log with its filters, newest first, without duplicates or gaps', async () => {
    const m = await newMerchant({ name: 'Log' });
    const o = (await signedIn(m.merchant_id, 'owner')).client;
    const s = (await createSession(m.secret_keys.test)).token;
    const base = Date.now() - 3_600_000;
    const statements = [];
    for (let i = 0; i < 120; i += 1) {
      const eventId = await insertEvent({ merchantId: m.merchant_id, sessionId: s });
      // Pairs share a millisecond: the id breaks the tie.
      const at = base + Math.floor(i / 2) * 1000;
      statements.push(
        env.DB.prepare(
          `INSERT INTO webhook_deliveries (id, event_id, merchant_id, target, url, status, attempts, created_at, updated_at)
           VALUES (?, ?, ?, 'notification', 'https://hooks.mystore.com/x', ?, 1, ?, ?)`,
        ).bind(newId('whd'), eventId, m.merchant_id, i % 4 === 3 ? 'delivered' : 'failed', at, at),
      );
    }
    await env.DB.batch(statements);
    const { results } = await env.DB.prepare(
      "SELECT id FROM webhook_deliveries WHERE merchant_id = ? AND status = 'failed' ORDER BY created_at DESC, id DESC",
    )
      .bind(m.merchant_id)
      .all<{ id: string }>();
    const failed = results.map((r) => r.id);
    expect(failed).toHaveLength(90);
    const first = await o.page('/dashboard/test/webhooks?status=failed');
    expect(deliveryIds(first.html)).toEqual(failed.slice(0, 50));
    const older = link(first.html, 'next') ?? '';
    expect(older).toContain('status=failed');
    const second = await o.page(older);
    expect(deliveryIds(second.html)).toEqual(failed.slice(50));
    expect(link(second.html, 'next')).toBeNull();
    expect(deliveryIds((await o.page(link(second.html, 'prev') ?? '')).html)).toEqual(failed.slice(0, 50));
  });
});

describe('panel: response excerpts and per-endpoint figures', () => {
  it("shows each attempt's answer in the log and on the session's page, and each endpoint's last 24 h", async () => {
    const p = `/pg-${newId('t')}`;
    const m = await newMerchant({ name: 'Excerpts' });
    const o = (await signedIn(m.merchant_id, 'owner')).client;
    const s = (await createSession(m.secret_keys.test)).token;
    const ok = await storeEndpoint({ merchantId: m.merchant_id, url: receiver(`/ok${p}`) });
    const failing = await storeEndpoint({ merchantId: m.merchant_id, url: receiver(`/fail${p}`) });
    const eventId = await insertEvent({ merchantId: m.merchant_id, sessionId: s });
    await consumeDev([eventId]);
    const log = (await o.page('/dashboard/test/webhooks')).html;
    expect(log).toContain('<pre class="excerpt"><code>upstream exploded</code></pre>');
    expect(log).toContain('<pre class="excerpt"><code>{&quot;received&quot;:true}</code></pre>');
    expect(log).not.toContain('never-stored');
    const detail = (await o.page(`/dashboard/test/payments/${s}`)).html;
    expect(detail).toContain('<code>upstream exploded</code>');

    const cells = (id: string) =>
      [
        ...(new RegExp(`<tr class="webhook-endpoint" id="${id}">(.*?)</tr>`).exec(log)?.[1] ?? '').matchAll(
          /<td>(.*?)<\/td>/g,
        ),
      ]
        .map((c) => (c[1] ?? '').replace(/<[^>]+>/g, ''))
        .slice(2, 4);
    expect(cells(ok)).toEqual(['1', '100%']);
    expect(cells(failing)).toEqual(['1', '0%']);
  });
});

describe('panel: search by PIX end-to-end id', () => {
  it('finds the session whose PIX settled with it, only in its merchant and mode', async () => {
    const pix = await paidPayment(a, 'pix');
    const other = await paidPayment(a, 'pix');
    const row = await env.DB.prepare(
      "SELECT json_extract(details, '$.pix.end_to_end_id') AS e2e FROM payments WHERE id = ?",
    )
      .bind(pix.paymentId)
      .first<{ e2e: string }>();
    const e2e = row?.e2e ?? '';
    expect(e2e).toMatch(/^E99999999\d{12}[0-9A-Za-z]{11}$/);
    const viaApi = (await (await api(`/api/v1/payments/${pix.paymentId}`, a.secret_keys.test)).json()) as {
      pix: { end_to_end_id: string | null };
    };
    expect(viaApi.pix.end_to_end_id).toBe(e2e);
    expect((await owner.page(`/dashboard/test/payments/${pix.session.token}`)).html).toContain(
      `<code class="e2e">${e2e}</code>`,
    );
    const found = await owner.page(`/dashboard/test/payments?q=${encodeURIComponent(` ${e2e} `)}`);
    expect(sessionIds(found.html)).toEqual([pix.session.token]);
    expect(found.html).not.toContain(other.session.token);
    expect(sessionIds((await ownerB.page(`/dashboard/test/payments?q=${e2e}`)).html)).toEqual([]);
    expect((await owner.page(`/dashboard/live/payments?q=${e2e}`)).html).not.toContain(pix.session.token);
  });

  it("gives a PIX paid with the checkout page's Simulate button an end-to-end id to search by", async () => {
    const s = await createSession(a.secret_keys.test, { payment_method: 'pix' });
    expect((await pay(s.token, { method: 'pix' })).status).toBe(201);
    expect((await clientPost(s.token, '/simulate', { outcome: 'paid' })).status).toBe(200);
    const row = await env.DB.prepare(
      "SELECT json_extract(details, '$.pix.end_to_end_id') AS e2e FROM payments WHERE session_id = ?",
    )
      .bind(s.token)
      .first<{ e2e: string | null }>();
    const e2e = row?.e2e ?? '';
    expect(e2e).toMatch(/^E99999999\d{12}[0-9A-Za-z]{11}$/);
    const found = await owner.page(`/dashboard/test/payments?q=${e2e}`);
    expect(sessionIds(found.html)).toEqual([s.token]);
  });
});

describe('panel: customer notifications on the session page', () => {
  it("lists the session's e-mails and SMS with their status, and no other session's", async () => {
    const email = `panel-notify-${Date.now()}@example.com`;
    const s = await createSession(a.secret_keys.test, {
      payment_method: 'boleto',
      locale: 'pt-BR',
      customer: { name: 'Maria Silva', email, phone: '+5511987654321', document: '529.982.247-25' },
      notify_customer: 'both',
    });
    const other = await createSession(a.secret_keys.test, { payment_method: 'boleto' });
    const customer = { name: 'Maria Silva', email, document: '529.982.247-25' };
    expect((await pay(s.token, { method: 'boleto', customer })).status).toBe(201);
    await waitForNotifications(
      a.secret_keys.test,
      s.token,
      (l) => l.filter((n) => n.kind === 'payment_instructions' && n.status === 'sent').length === 2,
    );
    const html = (await owner.page(`/dashboard/test/payments/${s.id}`)).html;
    const table = /<table id="notifications">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    expect(table).toContain('payment_instructions (email)');
    expect(table).toContain('payment_instructions (sms)');
    expect(table).toContain(email);
    expect(table).toContain('+5511987654321');
    expect(table).toContain('mailbox');
    expect(table).toMatch(/<td>sent<\/td>/);
    const quiet = (await owner.page(`/dashboard/test/payments/${other.id}`)).html;
    expect(quiet).not.toContain('<table id="notifications">');
    expect(quiet).toContain('None sent for this session.');
  });
});
