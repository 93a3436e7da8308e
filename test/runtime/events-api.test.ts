import { env } from 'cloudflare:workers';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { card, pay, VISA_OK } from './client-helpers';
import { api, createSession, type Merchant, newMerchant } from './helpers';
import { stubReceiver, waitFor } from './webhook-helpers';

let m: Merchant;
let stub: ReturnType<typeof stubReceiver> | null = null;
afterEach(() => stub?.restore());
beforeAll(async () => {
  m = await newMerchant({
    name: 'Events',
    country: 'BRA',
    notification_url: 'https://hooks.events-store.com/in',
  });
});

type EventList = {
  data: Array<{ id: string; type: string; session_id: string; payload: Record<string, unknown> }>;
  has_more: boolean;
  next_cursor: string | null;
};

describe('a paid session, end to end in the runtime', () => {
  it('writes payment.success and checkout_session.finished, queues them and delivers both, signed', async () => {
    stub = stubReceiver(() => new Response('ok'));
    const s = await createSession(m.secret_keys.test, { payment_method: 'card', metadata: { order: '42' } });
    expect((await pay(s.token, { method: 'card', card: card(VISA_OK) })).status).toBe(201);
    const bodies = await waitFor(async () => {
      const mine = stub?.received.filter((r) => r.body.includes(s.token)) ?? [];
      return mine.length >= 2 ? mine : undefined;
    });
    const wh = new Webhook(m.webhook_secrets.test);
    const payloads = bodies.map(
      (r) => wh.verify(r.body, Object.fromEntries(r.headers)) as Record<string, unknown>,
    );
    const success = payloads.find((p) => p.type === 'payment.success');
    expect(success).toMatchObject({
      event: 'payment.success',
      checkout_session_id: s.token,
      merchant_id: m.merchant_id,
      reference_id: s.merchant_order_id,
      status: 'success',
      amount: 15000,
      currency: 'BRL',
      payment_method: 'card',
      provider: 'sandbox',
      livemode: false,
      metadata: { order: '42' },
    });
    expect(success?.id).toMatch(/^evt_/);
    expect(success?.paid_at).toEqual(expect.any(String));
    const finished = payloads.find((p) => p.type === 'checkout_session.finished');
    expect(finished).toMatchObject({
      object: 'event',
      data: { id: s.token, status: 'paid', object: 'checkout_session' },
    });
  });
});

describe('GET /api/v1/events', () => {
  it('lists events newest first, filtered by type and session, and shows one with its delivery attempts', async () => {
    stub = stubReceiver(() => new Response('ok'));
    const s = await createSession(m.secret_keys.test);
    await api(`/api/v1/checkout/sessions/${s.token}/expire`, m.secret_keys.test, { method: 'POST' });
    const list = (await (
      await api(`/api/v1/events?session=${s.token}`, m.secret_keys.test)
    ).json()) as EventList;
    expect(list.data.map((e) => e.type)).toEqual(['checkout_session.expired']);
    const byType = (await (
      await api('/api/v1/events?type=checkout_session.expired', m.secret_keys.test)
    ).json()) as EventList;
    expect(byType.data.every((e) => e.type === 'checkout_session.expired')).toBe(true);
    const id = list.data[0]?.id ?? '';
    const detail = await waitFor(async () => {
      const d = (await (await api(`/api/v1/events/${id}`, m.secret_keys.test)).json()) as {
        deliveries: Array<{ status: string; attempts: Array<{ status_code: number }> }>;
      };
      return d.deliveries[0]?.status === 'delivered' ? d : undefined;
    });
    expect(detail.deliveries[0]?.attempts).toEqual([
      expect.objectContaining({ status_code: 200, error: null }),
    ]);
    const other = await newMerchant({ name: 'Other' });
    expect((await api(`/api/v1/events/${id}`, other.secret_keys.test)).status).toBe(404);
    expect((await api(`/api/v1/events/${id}`, m.secret_keys.live)).status).toBe(404);
  });

  it('redelivers an event: its delivery starts over and arrives again', async () => {
    stub = stubReceiver(() => new Response('ok'));
    const s = await createSession(m.secret_keys.test);
    await api(`/api/v1/checkout/sessions/${s.token}/expire`, m.secret_keys.test, { method: 'POST' });
    const [event] = (
      (await (await api(`/api/v1/events?session=${s.token}`, m.secret_keys.test)).json()) as EventList
    ).data;
    await waitFor(async () => stub?.received.some((r) => r.body.includes(s.token)));
    const res = await api(`/api/v1/events/${event?.id}/redeliver`, m.secret_keys.test, { method: 'POST' });
    expect(res.status).toBe(202);
    await waitFor(async () => (stub?.received.filter((r) => r.body.includes(s.token)).length ?? 0) >= 2);
    const ids = stub.received.filter((r) => r.body.includes(s.token)).map((r) => r.headers.get('webhook-id'));
    expect(ids).toEqual([event?.id, event?.id]); // the same webhook-id both times
  });
});

describe('merchant webhook settings', () => {
  it('refuses private and plain-http webhook URLs with 422', async () => {
    for (const url of [
      'http://hooks.events-store.com/x',
      'https://10.0.0.5/x',
      'https://localhost/x',
      'https://db.internal/x',
    ]) {
      const res = await api('/api/v1/merchant', m.secret_keys.test, {
        method: 'PATCH',
        body: { notification_url: url },
      });
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ errors: [{ field: 'notification_url' }] });
    }
  });

  it('sets the default notification_url, which re-enables an endpoint that answered 410 in its mode', async () => {
    const merchant = await newMerchant({ name: 'Patch' });
    for (const mode of ['test', 'live'])
      await env.DB.prepare(
        'INSERT INTO disabled_endpoints (merchant_id, mode, url, disabled_at) VALUES (?, ?, ?, ?)',
      )
        .bind(merchant.merchant_id, mode, 'https://hooks.patch-store.com/in', Date.now())
        .run();
    const res = await api('/api/v1/merchant', merchant.secret_keys.test, {
      method: 'PATCH',
      body: { notification_url: 'https://hooks.patch-store.com/in' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ notification_url: 'https://hooks.patch-store.com/in' });
    const disabled = await env.DB.prepare('SELECT mode FROM disabled_endpoints WHERE merchant_id = ?')
      .bind(merchant.merchant_id)
      .all();
    // The test key re-enabled its own mode's endpoint; the live one stays disabled.
    expect(disabled.results).toEqual([{ mode: 'live' }]);
  });

  /** Expires a new session of `key`'s mode and returns the webhook that tells of it, with its headers. */
  async function nextSignedEvent(key: string) {
    stub = stubReceiver(() => new Response('ok'));
    const s = await createSession(key);
    await api(`/api/v1/checkout/sessions/${s.token}/expire`, key, { method: 'POST' });
    const [req] = await waitFor(async () => {
      const mine = stub?.received.filter((r) => r.body.includes(s.token)) ?? [];
      return mine.length > 0 ? mine : undefined;
    });
    return { req, headers: Object.fromEntries(req?.headers ?? []) };
  }

  it('rolls the webhook secret: for 24 h both the new and the old secret verify', async () => {
    const merchant = await newMerchant({ name: 'Roll', notification_url: 'https://hooks.roll-store.com/in' });
    const rolled = await api('/api/v1/webhook_secret/roll', merchant.secret_keys.test, { method: 'POST' });
    expect(rolled.status).toBe(200);
    const { secret } = (await rolled.json()) as { secret: string };
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(merchant.webhook_secrets.test);
    const { req, headers } = await nextSignedEvent(merchant.secret_keys.test);
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(new Webhook(secret).verify(req?.body ?? '', headers)).toBeTruthy();
    expect(new Webhook(merchant.webhook_secrets.test).verify(req?.body ?? '', headers)).toBeTruthy();
  });

  it('of rolls at the same time one wins, so no secret is handed out that never signs', async () => {
    const merchant = await newMerchant({
      name: 'Rolls',
      notification_url: 'https://hooks.roll-store.com/in',
    });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        api('/api/v1/webhook_secret/roll', merchant.secret_keys.test, { method: 'POST' }),
      ),
    );
    const won = answers.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    for (const lost of answers.filter((r) => r.status !== 200)) {
      expect(lost.status).toBe(409);
      expect(((await lost.json()) as { code: string }).code).toBe('concurrent_update');
    }
    const { secret } = (await (won[0] as Response).json()) as { secret: string };
    const { req, headers } = await nextSignedEvent(merchant.secret_keys.test);
    // The winner's secret signs, and the secret the merchant had keeps signing beside it.
    expect(new Webhook(secret).verify(req?.body ?? '', headers)).toBeTruthy();
    expect(new Webhook(merchant.webhook_secrets.test).verify(req?.body ?? '', headers)).toBeTruthy();
  });
});
