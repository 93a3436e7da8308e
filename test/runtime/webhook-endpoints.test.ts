import { env } from 'cloudflare:workers';
import { Webhook } from 'standardwebhooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/lib/ids';
import {
  attemptRows,
  consumeDev,
  deliveriesOf,
  hitsUnder,
  makeDue,
  receiver,
  storeEndpoint,
} from './endpoint-helpers';
import { api, createSession, type Merchant, newMerchant } from './helpers';
import { consume, insertEvent } from './webhook-helpers';

/** Webhook endpoints: every event of a mode to every enabled endpoint subscribed to it, each on its own. */
let m: Merchant;
let testSession: string;
let liveSession: string;

beforeAll(async () => {
  m = await newMerchant({ name: 'Endpoints', country: 'BRA' });
  testSession = (await createSession(m.secret_keys.test)).token;
  liveSession = (await createSession(m.secret_keys.live)).token;
});

/** A path prefix of its own on the receiver for each test. */
const prefix = (name: string) => `/${name}-${newId('t')}`;

describe('delivery to webhook endpoints', () => {
  it('sends an event to both subscribed test endpoints, not to one of another type, never to live', async () => {
    const p = prefix('ok');
    const all = await storeEndpoint({ merchantId: m.merchant_id, url: receiver(`/ok${p}/all`) });
    const typed = await storeEndpoint({
      merchantId: m.merchant_id,
      url: receiver(`/ok${p}/success`),
      events: ['payment.success'],
    });
    await storeEndpoint({
      merchantId: m.merchant_id,
      url: receiver(`/ok${p}/refunds`),
      events: ['refund.succeeded'],
    });
    await storeEndpoint({ merchantId: m.merchant_id, mode: 'live', url: receiver(`/ok${p}/live`) });
    await storeEndpoint({ merchantId: m.merchant_id, url: receiver(`/ok${p}/off`), status: 'disabled' });
    // Added after the event happened: a later endpoint never gets an older event.
    const eventId = await insertEvent({ merchantId: m.merchant_id, sessionId: testSession });
    await storeEndpoint({
      merchantId: m.merchant_id,
      url: receiver(`/ok${p}/later`),
      createdAt: Date.now() + 60_000,
    });

    const result = await consumeDev([eventId]);
    expect(result.explicitAcks).toHaveLength(1);
    const hits = await hitsUnder(`/ok${p}`);
    expect(hits.map((h) => h.path).sort()).toEqual([`/ok${p}/all`, `/ok${p}/success`]);
    for (const hit of hits) {
      expect(hit.webhookId).toBe(eventId);
      expect((JSON.parse(hit.body) as { id: string }).id).toBe(eventId);
    }
    const rows = await deliveriesOf(eventId);
    expect(rows.map((r) => [r.endpoint_id, r.status]).sort()).toEqual(
      [
        [all, 'delivered'],
        [typed, 'delivered'],
      ].sort(),
    );

    // A live event reaches the live endpoint only.
    const liveEvent = await insertEvent({ merchantId: m.merchant_id, sessionId: liveSession, mode: 'live' });
    await consumeDev([liveEvent]);
    expect((await hitsUnder(`/ok${p}`)).filter((h) => h.webhookId === liveEvent).map((h) => h.path)).toEqual([
      `/ok${p}/live`,
    ]);
  });

  it("signs each endpoint delivery with its mode's secret, as every delivery is signed", async () => {
    const p = prefix('sig');
    const merchant = await newMerchant({ name: 'Sig', country: 'BRA' });
    const session = (await createSession(merchant.secret_keys.test)).token;
    await storeEndpoint({ merchantId: merchant.merchant_id, url: receiver(`/ok${p}`) });
    const eventId = await insertEvent({ merchantId: merchant.merchant_id, sessionId: session });
    await consumeDev([eventId]);
    const [hit] = await hitsUnder(`/ok${p}`);
    const headers = {
      'webhook-id': hit?.webhookId ?? '',
      'webhook-timestamp': hit?.timestamp ?? '',
      'webhook-signature': hit?.signature ?? '',
    };
    expect(new Webhook(merchant.webhook_secrets.test).verify(hit?.body ?? '', headers)).toMatchObject({
      id: eventId,
    });
    expect(() => new Webhook(merchant.webhook_secrets.live).verify(hit?.body ?? '', headers)).toThrow();
  });

  it('keeps the default notification_url alongside the endpoints, and a session URL replacing it', async () => {
    const p = prefix('both');
    const merchant = await newMerchant({ name: 'Both', country: 'BRA' });
    await env.DB.prepare(
      "UPDATE merchant_mode_settings SET notification_url = ? WHERE merchant_id = ? AND mode = 'test'",
    )
      .bind(receiver(`/ok${p}/default`), merchant.merchant_id)
      .run();
    const session = (await createSession(merchant.secret_keys.test)).token;
    const own = (await createSession(merchant.secret_keys.test)).token;
    await env.DB.prepare('UPDATE checkout_sessions SET notification_url = ? WHERE id = ?')
      .bind(receiver(`/ok${p}/session`), own)
      .run();
    await storeEndpoint({ merchantId: merchant.merchant_id, url: receiver(`/ok${p}/endpoint`) });
    const one = await insertEvent({ merchantId: merchant.merchant_id, sessionId: session });
    const two = await insertEvent({ merchantId: merchant.merchant_id, sessionId: own });
    await consumeDev([one, two]);
    const hits = await hitsUnder(`/ok${p}`);
    expect(
      hits
        .filter((h) => h.webhookId === one)
        .map((h) => h.path)
        .sort(),
    ).toEqual([`/ok${p}/default`, `/ok${p}/endpoint`]);
    expect(
      hits
        .filter((h) => h.webhookId === two)
        .map((h) => h.path)
        .sort(),
    ).toEqual([`/ok${p}/endpoint`, `/ok${p}/session`]);
    expect((await deliveriesOf(one)).map((d) => d.target)).toEqual(['endpoint', 'notification']);
  });

  it('retries a failing endpoint on its own schedule without sending to the healthy one again', async () => {
    const p = prefix('retry');
    const merchant = await newMerchant({ name: 'Retry', country: 'BRA' });
    const session = (await createSession(merchant.secret_keys.test)).token;
    const healthy = await storeEndpoint({ merchantId: merchant.merchant_id, url: receiver(`/ok${p}`) });
    const failing = await storeEndpoint({ merchantId: merchant.merchant_id, url: receiver(`/fail${p}`) });
    const eventId = await insertEvent({ merchantId: merchant.merchant_id, sessionId: session });

    const first = await consumeDev([eventId]);
    expect(first.retryMessages).toHaveLength(1);
    const rows = await deliveriesOf(eventId);
    const bad = rows.find((r) => r.endpoint_id === failing);
    expect(bad).toMatchObject({ status: 'pending', attempts: 1 });
    expect(bad?.next_attempt_at).toBeGreaterThan(Date.now());
    expect(rows.find((r) => r.endpoint_id === healthy)).toMatchObject({ status: 'delivered', attempts: 1 });

    await makeDue(bad?.id ?? '');
    const second = await consumeDev([eventId]);
    expect(second.retryMessages).toHaveLength(1);
    expect(await hitsUnder(`/fail${p}`)).toHaveLength(2);
    expect(await hitsUnder(`/ok${p}`)).toHaveLength(1);
    expect((await deliveriesOf(eventId)).find((r) => r.endpoint_id === failing)).toMatchObject({
      attempts: 2,
    });
  });

  it('stops at an endpoint disabled or deleted since, and disables one that answers 410', async () => {
    const p = prefix('off');
    const merchant = await newMerchant({ name: 'Off', country: 'BRA' });
    const session = (await createSession(merchant.secret_keys.test)).token;
    const failing = await storeEndpoint({ merchantId: merchant.merchant_id, url: receiver(`/fail${p}`) });
    const gone = await storeEndpoint({ merchantId: merchant.merchant_id, url: receiver(`/gone${p}`) });
    const eventId = await insertEvent({ merchantId: merchant.merchant_id, sessionId: session });
    await consumeDev([eventId]);
    const endpointStatus = await env.DB.prepare('SELECT status FROM webhook_endpoints WHERE id = ?')
      .bind(gone)
      .first<{ status: string }>();
    expect(endpointStatus?.status).toBe('disabled');
    expect((await deliveriesOf(eventId)).map((d) => [d.endpoint_id, d.status])).toContainEqual([
      gone,
      'disabled',
    ]);

    await env.DB.prepare('DELETE FROM webhook_endpoints WHERE id = ?').bind(failing).run();
    const pending = (await deliveriesOf(eventId)).find((d) => d.endpoint_id === failing);
    await makeDue(pending?.id ?? '');
    const after = await consumeDev([eventId]);
    expect(after.explicitAcks).toHaveLength(1);
    expect(await hitsUnder(`/fail${p}`)).toHaveLength(1);
    expect((await deliveriesOf(eventId)).map((d) => [d.endpoint_id, d.status])).toContainEqual([
      failing,
      'disabled',
    ]);
  });

  it('redelivers an event to one endpoint through the API, leaving the others alone', async () => {
    const p = prefix('api');
    const merchant = await newMerchant({ name: 'Redeliver', country: 'BRA' });
    const session = (await createSession(merchant.secret_keys.test)).token;
    const one = await storeEndpoint({ merchantId: merchant.merchant_id, url: receiver(`/ok${p}/one`) });
    await storeEndpoint({ merchantId: merchant.merchant_id, url: receiver(`/ok${p}/two`) });
    const eventId = await insertEvent({ merchantId: merchant.merchant_id, sessionId: session });
    await consumeDev([eventId]);
    const path = `/api/v1/events/${eventId}/redeliver`;
    const res = await api(`${path}?endpoint_id=${one}`, merchant.secret_keys.test, { method: 'POST' });
    expect(res.status).toBe(202);
    await consumeDev([eventId]);
    const hits = (await hitsUnder(`/ok${p}`)).map((h) => h.path).sort();
    expect(hits).toEqual([`/ok${p}/one`, `/ok${p}/one`, `/ok${p}/two`]);
    const unknown = await api(`${path}?endpoint_id=we_nope`, merchant.secret_keys.test, { method: 'POST' });
    expect(unknown.status).toBe(404);
    const stray = await api(`${path}?endpoint=${one}`, merchant.secret_keys.test, { method: 'POST' });
    expect(stray.status).toBe(422);
    expect(await stray.json()).toMatchObject({ errors: [{ field: 'endpoint', code: 'unknown_field' }] });
    // A disabled endpoint would be skipped: 422 instead of a 202 that sends nothing.
    await env.DB.prepare("UPDATE webhook_endpoints SET status = 'disabled' WHERE id = ?").bind(one).run();
    const off = await api(`${path}?endpoint_id=${one}`, merchant.secret_keys.test, { method: 'POST' });
    expect(off.status).toBe(422);
    expect(await off.json()).toMatchObject({ errors: [{ field: 'endpoint_id', code: 'endpoint_disabled' }] });
  });

  it("checks an endpoint's URL again at send: a loopback URL is refused once loopback is off", async () => {
    const p = prefix('recheck');
    const merchant = await newMerchant({ name: 'Recheck', country: 'BRA' });
    const session = (await createSession(merchant.secret_keys.test)).token;
    const id = await storeEndpoint({ merchantId: merchant.merchant_id, url: receiver(`/ok${p}`) });
    const eventId = await insertEvent({ merchantId: merchant.merchant_id, sessionId: session });
    await consume(eventId); // the tests' env: ALLOW_LOOPBACK_URLS=false, as in production
    expect(await hitsUnder(`/ok${p}`)).toEqual([]);
    const [d] = await deliveriesOf(eventId);
    expect(d).toMatchObject({ endpoint_id: id, status: 'failed' });
    expect(await attemptRows(d?.id ?? '')).toMatchObject([
      { error: expect.stringMatching(/^url refused: /) },
    ]);
  });

  it('sends a dialect session event to an endpoint in the canonical shape', async () => {
    const p = prefix('canon');
    const merchant = await newMerchant({ name: 'Canon', country: 'BRA' });
    const session = (await createSession(merchant.secret_keys.test)).token;
    await env.DB.prepare("UPDATE checkout_sessions SET dialect = 'seed002' WHERE id = ?").bind(session).run();
    await storeEndpoint({ merchantId: merchant.merchant_id, url: receiver(`/ok${p}`) });
    const eventId = await insertEvent({
      merchantId: merchant.merchant_id,
      sessionId: session,
      type: 'checkout_session.expired',
    });
    await consumeDev([eventId]);
    const [hit] = await hitsUnder(`/ok${p}`);
    expect(JSON.parse(hit?.body ?? '{}')).toMatchObject({
      id: eventId,
      object: 'event',
      type: 'checkout_session.expired',
    });
  });
});

describe('response excerpts', () => {
  it('records the first 500 bytes of the answer as text with each attempt, never the headers', async () => {
    const p = prefix('excerpt');
    const merchant = await newMerchant({ name: 'Excerpt', country: 'BRA' });
    const session = (await createSession(merchant.secret_keys.test)).token;
    const long = await storeEndpoint({ merchantId: merchant.merchant_id, url: receiver(`/long${p}`) });
    const failing = await storeEndpoint({ merchantId: merchant.merchant_id, url: receiver(`/fail${p}`) });
    const eventId = await insertEvent({ merchantId: merchant.merchant_id, sessionId: session });
    await consumeDev([eventId]);
    const rows = await deliveriesOf(eventId);
    const [longAttempt] = await attemptRows(rows.find((r) => r.endpoint_id === long)?.id ?? '');
    const excerpt = longAttempt?.response_excerpt ?? '';
    // A control byte is replaced; the cut never splits a character: at most 500 bytes of whole characters.
    expect(excerpt.startsWith('\ufffdação-')).toBe(true);
    const bytes = new TextEncoder().encode(excerpt).length;
    expect(bytes).toBeLessThanOrEqual(502);
    expect(bytes).toBeGreaterThan(490);
    expect(excerpt.endsWith('\ufffd')).toBe(false);
    const [failAttempt] = await attemptRows(rows.find((r) => r.endpoint_id === failing)?.id ?? '');
    expect(failAttempt).toMatchObject({ status_code: 500, response_excerpt: 'upstream exploded' });
    const everything = await env.DB.prepare('SELECT * FROM webhook_attempts').all();
    expect(JSON.stringify(everything.results)).not.toContain('never-stored');

    // The API's event shows each attempt's excerpt.
    const event = (await (await api(`/api/v1/events/${eventId}`, merchant.secret_keys.test)).json()) as {
      deliveries: { endpoint_id: string; attempts: { response_excerpt: string | null }[] }[];
    };
    expect(event.deliveries.find((d) => d.endpoint_id === failing)?.attempts).toMatchObject([
      { response_excerpt: 'upstream exploded' },
    ]);
  });
});
