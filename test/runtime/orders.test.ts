import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import worker from '../../src/index';
import { card, pay, VISA_OK } from './client-helpers';
import { api, type Merchant, newMerchant } from './helpers';
import { asMerchant, DATE_TIME, EXAMPLES, orders, sandboxOrderFor, sessionBehind } from './orders-helpers';
import { stubReceiver, waitFor } from './webhook-helpers';

let m: Merchant;
let stub: ReturnType<typeof stubReceiver> | null = null;
afterEach(() => stub?.restore());
beforeAll(async () => {
  m = await newMerchant({ name: 'Southpayments Store', country: 'BRA' });
});

describe('Southpayments orders: the order is the stable object', () => {
  it('updates an open order behind the same id and checkout_url: 200, new amount, the old session no longer payable', async () => {
    const first = sandboxOrderFor(m.merchant_id);
    const a = await orders(m.secret_keys.test, first);
    expect(a.status).toBe(201);
    const old = (await a.json()) as { id: string; checkout_url: string; created_at: string };
    const oldSession = await sessionBehind(old);
    const b = await orders(m.secret_keys.test, { ...first, order: { ...first.order, amount: 25000 } });
    expect(b.status).toBe(200);
    const updated = (await b.json()) as {
      id: string;
      amount: number;
      status: string;
      checkout_url: string;
      created_at: string;
    };
    expect(updated).toMatchObject({
      id: old.id,
      checkout_url: old.checkout_url,
      created_at: old.created_at,
      amount: 25000,
      status: 'open',
      merchant_key: first.order.merchant_key,
    });
    // The link the customer already has now leads to the new session, with the new amount.
    const newSession = await sessionBehind(old);
    expect(newSession).not.toBe(oldSession);
    const canonical = (await (
      await api(`/api/v1/checkout/sessions/${newSession}`, m.secret_keys.test)
    ).json()) as {
      amount: number;
    };
    expect(canonical.amount).toBe(25000);
    const previous = (await (
      await api(`/api/v1/checkout/sessions/${oldSession}`, m.secret_keys.test)
    ).json()) as {
      status: string;
    };
    expect(previous.status).toBe('canceled');
    expect((await pay(oldSession, { method: 'card', card: card(VISA_OK) })).status).toBeGreaterThanOrEqual(
      400,
    );
    expect((await pay(newSession, { method: 'card', card: card(VISA_OK) })).status).toBe(201);
  });

  it('POSTs the order object with its new status to notify_url when the order is paid, and nothing else', async () => {
    stub = stubReceiver(() => new Response('OK'));
    const created = (await (
      await orders(m.secret_keys.test, sandboxOrderFor(m.merchant_id))
    ).json()) as Record<string, unknown>;
    const sessionId = await sessionBehind(created as { checkout_url: string });
    expect((await pay(sessionId, { method: 'card', card: card(VISA_OK) })).status).toBe(201);
    const hit = await waitFor(async () =>
      stub?.received.find(
        (r) =>
          r.url === 'https://hooks.southshop.com/notify' &&
          r.body.includes(`"id":"${created.id}"`) &&
          r.body.includes('"status":"paid"'),
      ),
    );
    const payload = JSON.parse(hit.body) as Record<string, unknown>;
    expect(payload).toEqual({ ...created, status: 'paid', updated_at: expect.stringMatching(DATE_TIME) });
    // Only order objects reach notify_url: no payment.* event, no internal key.
    const bodies = stub.received
      .filter((r) => r.url === 'https://hooks.southshop.com/notify')
      .map((r) => r.body);
    for (const body of bodies) {
      expect(Object.keys(JSON.parse(body))).toEqual(Object.keys(created));
      expect(body).not.toContain('seed004');
    }
  });

  it('says what was charged: the PIX example with its 10% discount is paid 225000, not 250000', async () => {
    stub = stubReceiver(() => new Response('OK'));
    const example = asMerchant(EXAMPLES[2]?.[1] ?? {}, m);
    example.order.sandbox = true;
    example.order.merchant_key = `pix-desconto-${Date.now()}`;
    example.order.notify_url = 'https://hooks.southshop.com/notify';
    const res = await orders(m.secret_keys.test, example);
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; amount: number; checkout_url: string };
    expect(created.amount).toBe(250000);
    const issued = (await (await pay(await sessionBehind(created), { method: 'pix' })).json()) as {
      payment: { id: string; amount: number };
    };
    expect(issued.payment.amount).toBe(225000);
    const paid = await api(`/api/v1/test/payments/${issued.payment.id}/simulate`, m.secret_keys.test, {
      body: { outcome: 'paid' },
    });
    expect(paid.status).toBe(200);
    const hit = await waitFor(async () =>
      stub?.received.find(
        (r) => r.body.includes(`"id":"${created.id}"`) && r.body.includes('"status":"paid"'),
      ),
    );
    expect(JSON.parse(hit.body)).toMatchObject({ id: created.id, amount: 225000, status: 'paid' });
  });

  it('does not tell notify_url the order was canceled when an update replaced the session behind it', async () => {
    stub = stubReceiver(() => new Response('OK'));
    const body = sandboxOrderFor(m.merchant_id);
    const old = (await (await orders(m.secret_keys.test, body)).json()) as {
      id: string;
      checkout_url: string;
    };
    const replacedSession = await sessionBehind(old);
    await orders(m.secret_keys.test, { ...body, order: { ...body.order, amount: 12345 } });
    const { results } = await env.DB.prepare(
      "SELECT id FROM events WHERE session_id = ? AND type = 'checkout_session.canceled'",
    )
      .bind(replacedSession)
      .all<{ id: string }>();
    expect(results).toHaveLength(1);
    // Run the consumer for it by hand, so it has surely been handled, then look.
    const batch = createMessageBatch('borda-webhooks', [
      {
        id: 'replaced',
        timestamp: new Date(),
        attempts: 1,
        body: { kind: 'deliver', eventId: results[0]?.id },
      },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    await getQueueResult(batch, ctx);
    expect(stub.received.filter((r) => r.body.includes(old.id)).map((r) => [r.url, r.body])).toEqual([]);
  });
});
