import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids';
import { consumeDev, deliveriesOf, hitsUnder, receiver, storeEndpoint } from './endpoint-helpers';
import { api, createSession, type Merchant, newMerchant } from './helpers';
import { type PanelClient, signedIn } from './panel-helpers';
import { insertEvent } from './webhook-helpers';

/** The panel's webhooks page: endpoints, per-endpoint redelivery and replay, excerpts, the log's pages. */
let a: Merchant;
let b: Merchant;
let owner: PanelClient;
let ownerB: PanelClient;

beforeAll(async () => {
  [a, b] = await Promise.all([newMerchant({ name: 'A' }), newMerchant({ name: 'B' })]);
  owner = (await signedIn(a.merchant_id, 'owner')).client;
  ownerB = (await signedIn(b.merchant_id, 'owner')).client;
});

const WEBHOOKS = '/dashboard/test/webhooks';
const endpointRow = (html: string, id: string) =>
  new RegExp(`<tr class="webhook-endpoint" id="${id}">(.*?)</tr>`).exec(html)?.[1] ?? null;

async function endpointStatus(id: string) {
  return (
    await env.DB.prepare('SELECT status FROM webhook_endpoints WHERE id = ?')
      .bind(id)
      .first<{ status: string }>()
  )?.status;
}

describe('panel: webhook endpoints', () => {
  it('adds, disables, enables and deletes an endpoint through the same service as the API, audited', async () => {
    const add = await owner.submit(WEBHOOKS, `${WEBHOOKS}/endpoints`, {
      url: 'https://hooks.lojadamaria.com.br/panel',
      'event:payment.success': 'on',
      'event:refund.succeeded': 'on',
    });
    const html = await add.text();
    expect(add.status, html).toBe(200);
    const id = /Endpoint (we_[0-9A-Za-z]+) added/.exec(html)?.[1] ?? '';
    expect(endpointRow(html, id)).toContain('payment.success, refund.succeeded');
    const listed = (await (await api('/api/v1/webhook_endpoints', a.secret_keys.test)).json()) as {
      data: { id: string; enabled_events: string[] }[];
    };
    expect(listed.data).toEqual([
      expect.objectContaining({ id, enabled_events: ['payment.success', 'refund.succeeded'] }),
    ]);

    const bad = await owner.submit(WEBHOOKS, `${WEBHOOKS}/endpoints`, { url: 'http://10.0.0.1/in' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('url:');

    await owner.submit(WEBHOOKS, `${WEBHOOKS}/endpoints/${id}/status`, { status: 'disabled' });
    expect(await endpointStatus(id)).toBe('disabled');
    await owner.submit(WEBHOOKS, `${WEBHOOKS}/endpoints/${id}/status`, { status: 'enabled' });
    expect(await endpointStatus(id)).toBe('enabled');

    // Another merchant, and the live mode, cannot touch it (404) and do not see it.
    for (const [client, path] of [
      [ownerB, WEBHOOKS],
      [owner, '/dashboard/live/webhooks'],
    ] as const) {
      expect((await client.page(path)).html).not.toContain(id);
      const off = await client.submit(path, `${path}/endpoints/${id}/status`, { status: 'disabled' });
      expect(off.status).toBe(404);
      expect((await client.submit(path, `${path}/endpoints/${id}/delete`)).status).toBe(404);
    }
    expect(await endpointStatus(id)).toBe('enabled');

    const del = await owner.submit(WEBHOOKS, `${WEBHOOKS}/endpoints/${id}/delete`);
    expect(await del.text()).toContain(`Endpoint ${id} deleted.`);
    expect(await endpointStatus(id)).toBeUndefined();
    const audit = (await owner.page('/dashboard/audit')).html;
    for (const action of [
      'webhook_endpoint.created',
      'webhook_endpoint.disabled',
      'webhook_endpoint.enabled',
      'webhook_endpoint.deleted',
    ]) {
      expect(audit).toContain(action);
    }
  });

  it('lets a developer manage endpoints and refuses support', async () => {
    const dev = (await signedIn(a.merchant_id, 'developer')).client;
    const ok = await dev.submit(WEBHOOKS, `${WEBHOOKS}/endpoints`, {
      url: 'https://hooks.lojadamaria.com.br/dev',
    });
    expect(ok.status).toBe(200);
    const support = (await signedIn(a.merchant_id, 'support')).client;
    const { csrf } = await support.page('/dashboard/test/payments');
    const refused = await support.request(`${WEBHOOKS}/endpoints`, {
      form: { _csrf: csrf, url: 'https://hooks.lojadamaria.com.br/support' },
    });
    expect(refused.status).toBe(403);
  });
});

describe('panel: per-endpoint redelivery and replay', () => {
  it('redelivers one endpoint of an event without sending to the others again', async () => {
    const p = `/rd-${newId('t')}`;
    const m = await newMerchant({ name: 'Redeliver' });
    const o = (await signedIn(m.merchant_id, 'owner')).client;
    const s = (await createSession(m.secret_keys.test)).token;
    const healthy = await storeEndpoint({ merchantId: m.merchant_id, url: receiver(`/ok${p}`) });
    const failing = await storeEndpoint({ merchantId: m.merchant_id, url: receiver(`/fail${p}`) });
    const eventId = await insertEvent({ merchantId: m.merchant_id, sessionId: s });
    await consumeDev([eventId]);
    const bad = (await deliveriesOf(eventId)).find((d) => d.endpoint_id === failing);
    await env.DB.prepare(
      "UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL WHERE id = ?",
    )
      .bind(bad?.id ?? '')
      .run();

    const res = await o.submit(WEBHOOKS, `${WEBHOOKS}/${eventId}/redeliver`, { delivery_id: bad?.id ?? '' });
    expect(res.status).toBe(200);
    const rows = await deliveriesOf(eventId);
    expect(rows.find((d) => d.endpoint_id === failing)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(rows.find((d) => d.endpoint_id === healthy)).toMatchObject({ status: 'delivered' });
    await consumeDev([eventId]);
    expect(await hitsUnder(`/ok${p}`)).toHaveLength(1);
    expect(await hitsUnder(`/fail${p}`)).toHaveLength(2);

    // A delivery id of another event is not this event's: 404, nothing reset.
    const other = await insertEvent({ merchantId: m.merchant_id, sessionId: s });
    const wrong = await o.submit(WEBHOOKS, `${WEBHOOKS}/${other}/redeliver`, { delivery_id: bad?.id ?? '' });
    expect(wrong.status).toBe(404);
  });

  it('replays the failed deliveries of one endpoint only', async () => {
    const m = await newMerchant({ name: 'Replay' });
    const o = (await signedIn(m.merchant_id, 'owner')).client;
    const s = (await createSession(m.secret_keys.test)).token;
    const x = await storeEndpoint({ merchantId: m.merchant_id, url: 'https://hooks.loja-x.com.br/in' });
    const y = await storeEndpoint({ merchantId: m.merchant_id, url: 'https://hooks.loja-y.com.br/in' });
    const eventId = await insertEvent({ merchantId: m.merchant_id, sessionId: s });
    const at = Date.now() - 60_000;
    for (const [endpoint, url] of [
      [x, 'https://hooks.loja-x.com.br/in'],
      [y, 'https://hooks.loja-y.com.br/in'],
    ]) {
      await env.DB.prepare(
        `INSERT INTO webhook_deliveries (id, event_id, merchant_id, target, endpoint_id, url, status, attempts, created_at, updated_at)
         VALUES (?, ?, ?, 'endpoint', ?, ?, 'failed', 9, ?, ?)`,
      )
        .bind(newId('whd'), eventId, m.merchant_id, endpoint, url, at, at)
        .run();
    }
    const res = await o.submit(WEBHOOKS, `${WEBHOOKS}/replay`, { hours: '1', endpoint: x });
    expect(await res.text()).toContain('Replaying 1 failed event');
    const rows = await deliveriesOf(eventId);
    expect(rows.map((d) => [d.endpoint_id, d.status]).sort()).toEqual(
      [
        [x, 'pending'],
        [y, 'failed'],
      ].sort(),
    );
    // The notification URLs have no failure here; the log filters by endpoint.
    const none = await o.submit(WEBHOOKS, `${WEBHOOKS}/replay`, { hours: '1', endpoint: 'default' });
    expect(await none.text()).toContain('Replaying 0 failed event');
    const byId = Object.fromEntries(rows.map((d) => [d.endpoint_id, d.id]));
    const onlyY = (await o.page(`${WEBHOOKS}?endpoint=${y}`)).html;
    expect(onlyY).toContain(`id="${byId[y]}"`);
    expect(onlyY).not.toContain(`id="${byId[x]}"`);
    // Another merchant's replay of the same endpoint id changes nothing here.
    await ownerB.submit(WEBHOOKS, `${WEBHOOKS}/replay`, { hours: '1', endpoint: y });
    expect((await deliveriesOf(eventId)).find((d) => d.endpoint_id === y)?.status).toBe('failed');
  });
});

describe('panel: adding an endpoint that is refused', () => {
  it('keeps what the merchant typed and puts the error beside the URL', async () => {
    const res = await owner.submit(WEBHOOKS, `${WEBHOOKS}/endpoints`, {
      url: 'http://hooks.shop-refused.com/in',
      description: 'orders system',
      'event:payment.success': 'on',
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    const urlInput = /<input[^>]*name="url"[^>]*>/.exec(html)?.[0] ?? '';
    expect(urlInput).toContain('value="http://hooks.shop-refused.com/in"');
    expect(urlInput).toContain('aria-invalid="true"');
    expect(urlInput).toContain('aria-describedby="endpoint-url-error"');
    expect(html).toMatch(/<span[^>]*id="endpoint-url-error"[^>]*>[^<]*must use https/);
    expect(/<input[^>]*name="description"[^>]*>/.exec(html)?.[0]).toContain('value="orders system"');
    expect(/<input[^>]*name="event:payment.success"[^>]*>/.exec(html)?.[0]).toContain('checked');
    expect(/<input[^>]*name="event:payment.failed"[^>]*>/.exec(html)?.[0]).not.toContain('checked');
    const { results } = await env.DB.prepare(
      'SELECT id FROM webhook_endpoints WHERE merchant_id = ? AND url = ?',
    )
      .bind(a.merchant_id, 'http://hooks.shop-refused.com/in')
      .all();
    expect(results).toEqual([]);
  });
});
