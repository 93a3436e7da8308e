import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import worker from '../../src/index';
import fixture from '../fixtures/dialects/fintoc-checkout-session-finished.json';
import { card, pay, VISA_OK } from './client-helpers';
import { expectDocumentShape } from './document-shape';
import { call, type Merchant, newMerchant } from './helpers';
import { stubReceiver, waitFor } from './webhook-helpers';

let m: Merchant;
let stub: ReturnType<typeof stubReceiver> | null = null;
afterEach(() => stub?.restore());
beforeAll(async () => {
  m = await newMerchant({
    name: 'Tienda Fintoc',
    country: 'CHL',
    notification_url: 'https://hooks.tienda-fintoc.com/webhooks/borda',
  });
});

type Created = Record<string, unknown> & { id: string; session_token: string; expires_at: string };

async function create(init: { body: string; type?: string }): Promise<Created> {
  const headers: Record<string, string> = { authorization: m.secret_keys.test };
  if (init.type) headers['content-type'] = init.type;
  const res = await call('/v1/checkout_sessions', { method: 'POST', headers, body: init.body });
  expect(res.status).toBe(201);
  return res.json();
}

// biome-ignore lint/suspicious/noExplicitAny: webhook bodies are read as plain JSON.
type Event = { id: string; object: string; type: string; data: any };

describe('Fintoc checkout_session.finished', () => {
  it("has every field of the document's example, with its types and formats, and what the create answer said", async () => {
    stub = stubReceiver(() => new Response('OK'));
    const created = await create({
      type: 'application/json',
      body: JSON.stringify({
        amount: 1200,
        currency: 'clp',
        customer_email: 'name@example.com',
        metadata: { order_id: '#12513' },
        return_url: 'https://example.com/return?id={CHECKOUT_SESSION_ID}',
      }),
    });
    expect((await pay(created.id, { method: 'card', card: card(VISA_OK) })).status).toBe(201);
    const hit = await waitFor(async () =>
      stub?.received.find(
        (r) => r.body.includes('"checkout_session.finished"') && r.body.includes(created.id),
      ),
    );
    const event = JSON.parse(hit.body) as Event;
    const covered = expectDocumentShape(fixture.example, event, {
      // Borda never learns the payer's bank account of a card payment, nor has Fintoc's prefill options.
      nullable: [
        '$.data.payment_method_options',
        '$.data.payment_intent.recipient_account',
        '$.data.payment_intent.sender_account',
      ],
    });
    expect(covered.length).toBeGreaterThan(30);
    // What a handler ported from Fintoc reads to fulfil the order.
    expect(event.data).toMatchObject({
      id: created.id,
      object: 'session',
      status: 'succeeded',
      currency: 'clp',
      country: 'cl',
      amount: 1200,
      mode: 'test',
      expires_at: created.expires_at,
      session_token: created.session_token,
      return_url: 'https://example.com/return?id={CHECKOUT_SESSION_ID}',
      customer_email: 'name@example.com',
      metadata: { order_id: '#12513' },
      payment_methods: ['card'],
    });
    expect(event.data.payment_intent).toMatchObject({
      object: 'payment_intent',
      amount: 1200,
      currency: 'CLP',
      status: 'succeeded',
      error_reason: null,
      metadata: { order_id: '#12513' },
    });
    expect(event.data.payment_intent.id).toMatch(/^pay_/);
    // Borda's own session object only under its own key.
    expect(event.data.borda).toMatchObject({ object: 'checkout_session', id: created.id, status: 'paid' });
  });

  it('sends only the documented events: no payment.* reaches a Fintoc-style URL', async () => {
    stub = stubReceiver(() => new Response('OK'));
    const created = await create({
      type: 'application/json',
      body: JSON.stringify({ amount: 1500, currency: 'CLP' }),
    });
    expect((await pay(created.id, { method: 'card', card: card(VISA_OK) })).status).toBe(201);
    await waitFor(async () => stub?.received.find((r) => r.body.includes(created.id)));
    // Handle the session's payment event again, by hand, so it has surely been through the consumer.
    const { results } = await env.DB.prepare(
      "SELECT id FROM events WHERE session_id = ? AND type LIKE 'payment.%'",
    )
      .bind(created.id)
      .all<{ id: string }>();
    expect(results.length).toBeGreaterThan(0);
    for (const { id } of results) {
      const batch = createMessageBatch('borda-webhooks', [
        { id: `again-${id}`, timestamp: new Date(), attempts: 1, body: { kind: 'deliver', eventId: id } },
      ]);
      const ctx = createExecutionContext();
      await worker.queue(batch, env, ctx);
      await getQueueResult(batch, ctx);
    }
    const types = stub.received
      .filter((r) => r.body.includes(created.id))
      .map((r) => (JSON.parse(r.body) as Event).type);
    expect(types).toEqual(['checkout_session.finished']);
  });
});

describe('Fintoc checkout_session.expired', () => {
  it("carries the same session shape, status expired, the create answer's expires_at and token", async () => {
    stub = stubReceiver(() => new Response('OK'));
    const created = await create({
      type: 'application/json',
      body: JSON.stringify({
        amount: 990,
        currency: 'CLP',
        customer_email: 'name@example.com',
        return_url: 'https://example.com/return',
        metadata: { order_id: '#12514' },
      }),
    });
    const expired = await call(`/api/v1/checkout/sessions/${created.id}/expire`, {
      method: 'POST',
      headers: { 'x-api-key': m.secret_keys.test },
    });
    expect(expired.status).toBe(200);
    const hit = await waitFor(async () =>
      stub?.received.find(
        (r) => r.body.includes('"checkout_session.expired"') && r.body.includes(created.id),
      ),
    );
    const event = JSON.parse(hit.body) as Event;
    expectDocumentShape(
      fixture.example,
      { ...event, type: 'checkout_session.finished' },
      {
        // Nobody paid: no payment intent, and nothing to say about accounts.
        nullable: ['$.data.payment_method_options', '$.data.payment_intent'],
      },
    );
    expect(event.data).toMatchObject({
      status: 'expired',
      expires_at: created.expires_at,
      session_token: created.session_token,
      payment_methods: [],
      payment_intent: null,
    });
  });
});

describe("Fintoc's create, as its Ruby example sends it", () => {
  it('accepts a JSON body labelled form-encoded (Net::HTTP without a content type) and real form pairs', async () => {
    const ruby = await create({
      type: 'application/x-www-form-urlencoded',
      body: JSON.stringify({ amount: 1000, currency: 'clp', customer_email: 'name@example.com' }),
    });
    expect(ruby).toMatchObject({ amount: 1000, customer_email: 'name@example.com', status: 'created' });
    const form = await create({
      type: 'application/x-www-form-urlencoded',
      body: 'amount=1000&currency=clp&customer_email=name%40example.com&metadata%5Border_id%5D=%2312513',
    });
    expect(form).toMatchObject({ amount: 1000, metadata: { order_id: '#12513' } });
    // A field given twice is refused, never one of its values picked.
    const twice = await call('/v1/checkout_sessions', {
      method: 'POST',
      headers: { authorization: m.secret_keys.test, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'amount=1000&currency=clp&amount=2000',
    });
    expect(twice.status).toBe(422);
    expect(await twice.json()).toMatchObject({ errors: [{ field: 'amount', code: 'duplicate_field' }] });
    // Other routes still want JSON.
    const canonical = await call('/api/v1/checkout/sessions', {
      method: 'POST',
      headers: { 'x-api-key': m.secret_keys.test, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'amount=1000',
    });
    expect(canonical.status).toBe(415);
  });
});
