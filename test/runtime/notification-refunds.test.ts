import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import worker from '../../src/index';
import { newId } from '../../src/lib/ids';
import { CUSTOMER, card, pay, VISA_OK } from './client-helpers';
import { createSession, type Merchant, newMerchant } from './helpers';
import { mailbox, waitForNotifications } from './notification-helpers';
import { paidPayment, refund } from './refund-helpers';

let m: Merchant;
beforeAll(async () => {
  m = await newMerchant({ name: 'Tienda Reembolso', country: 'BRA' });
});

/**
 * A refund event as the refunds feature writes it to the outbox (type by name, the refund's id and
 * amount in its data), handed to the webhook queue consumer like every outbox event.
 */
async function refundEvent(
  sessionId: string,
  paymentId: string,
  type: string,
  data: Record<string, unknown>,
) {
  const id = newId('evt');
  await env.DB.prepare(
    'INSERT INTO events (id, merchant_id, mode, type, session_id, payment_id, data, created_at, enqueued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
    .bind(id, m.merchant_id, 'test', type, sessionId, paymentId, JSON.stringify(data), Date.now(), Date.now())
    .run();
  const batch = createMessageBatch('borda-webhooks', [
    { id: `msg-${id}`, timestamp: new Date(), attempts: 1, body: { kind: 'deliver', eventId: id } },
  ]);
  const ctx = createExecutionContext();
  await worker.queue(batch, env, ctx);
  await getQueueResult(batch, ctx);
}

describe('refund notices', { timeout: 30_000 }, () => {
  it('tells the customer, in the session language, of each refund event by name, with the refund amount', async () => {
    const email = `refund-${Date.now()}@example.com`;
    const s = await createSession(m.secret_keys.test, { locale: 'es', notify_customer: 'email' });
    const paid = await pay(s.token, {
      method: 'card',
      card: card(VISA_OK),
      customer: { name: 'Ana Pérez', email, document: '529.982.247-25' },
    });
    expect(paid.status).toBe(201);
    const paymentId = ((await paid.json()) as { payment: { id: string } }).payment.id;
    await waitForNotifications(m.secret_keys.test, s.token, (l) =>
      l.some((n) => n.kind === 'payment_receipt'),
    );
    const refund = { refund_id: 're_partial_1', payment_id: paymentId, amount: 5000, currency: 'BRL' };
    await refundEvent(s.token, paymentId, 'refund.created', { ...refund, status: 'pending' });
    await refundEvent(s.token, paymentId, 'refund.succeeded', { ...refund, status: 'succeeded' });
    // Handled twice (at-least-once delivery), told once.
    await refundEvent(s.token, paymentId, 'refund.succeeded', { ...refund, status: 'succeeded' });
    // Not every event is for the customer.
    await refundEvent(s.token, paymentId, 'refund.updated', refund);
    const list = await waitForNotifications(m.secret_keys.test, s.token, (l) =>
      ['refund_pending', 'refund_succeeded'].every((k) => l.some((n) => n.kind === k && n.status === 'sent')),
    );
    expect(list.map((n) => n.kind)).toEqual(['payment_receipt', 'refund_pending', 'refund_succeeded']);
    expect(list.find((n) => n.kind === 'refund_succeeded')).toMatchObject({ amount: 5000, locale: 'es' });
    const mails = await mailbox(email);
    const done = mails.find((x) => x.kind === 'refund_succeeded');
    expect(done?.subject).toBe('Reembolso de R$\u00a050,00 de Tienda Reembolso completado');
    expect(done?.text).toContain('Tienda Reembolso reembolsó R$\u00a050,00 del pedido');
  });
});

describe('a refund that needs the customer bank account', { timeout: 30_000 }, () => {
  it('sends the customer the signed link to give it, not a "refund on its way"', async () => {
    const { session, paymentId } = await paidPayment(m, 'boleto', { notify_customer: 'email' });
    const r = await refund(m, paymentId, { amount: 5000 });
    expect(r.body).toMatchObject({
      status: 'requires_action',
      next_action: { type: 'collect_bank_account' },
    });
    const link = r.body.next_action.url as string;
    const list = await waitForNotifications(m.secret_keys.test, session.token, (l) =>
      l.some((n) => n.kind === 'refund_requires_action' && n.status === 'sent'),
    );
    expect(list.map((n) => n.kind)).not.toContain('refund_pending');
    // The address the customer typed at payment (client-helpers' CUSTOMER) wins over the session's.
    const mail = (await mailbox(CUSTOMER.email)).find(
      (x) => x.kind === 'refund_requires_action' && x.checkout_session_id === session.token,
    );
    expect(mail?.subject).toContain('precisa dos seus dados bancários');
    expect(mail?.text).toContain(link);
    expect(mail?.text).not.toContain(session.checkout_url);
  });
});

describe('the cron', { timeout: 30_000 }, () => {
  it('hands a due message whose queue message was lost back to the queue, and it is sent once', async () => {
    const email = `lost-${Date.now()}@example.com`;
    const s = await createSession(m.secret_keys.test, { locale: 'pt-BR', notify_customer: 'email' });
    const paid = await pay(s.token, {
      method: 'card',
      card: card(VISA_OK),
      customer: { name: 'Maria', email, document: '529.982.247-25' },
    });
    const [receipt] = await waitForNotifications(m.secret_keys.test, s.token, (l) =>
      l.some((n) => n.status === 'sent'),
    );
    expect(paid.status).toBe(201);
    // As if its queue message had been lost before it was ever sent, twenty minutes ago.
    const lostAt = Date.now() - 20 * 60_000;
    await env.DB.prepare(
      "UPDATE customer_notifications SET status = 'pending', attempts = 0, provider = NULL, provider_message_id = NULL, next_attempt_at = ? WHERE id = ?",
    )
      .bind(lostAt, receipt?.id)
      .run();
    const controller = createScheduledController({ scheduledTime: new Date(), cron: '* * * * *' });
    const ctx = createExecutionContext();
    await worker.scheduled(controller, env, ctx);
    await waitOnExecutionContext(ctx);
    const [again] = await waitForNotifications(m.secret_keys.test, s.token, (l) => l[0]?.status === 'sent');
    expect(again).toMatchObject({ id: receipt?.id, status: 'sent', attempts: 1 });
    expect(again?.provider_message_id).not.toBe(receipt?.provider_message_id);
  });
});

describe('the dev mailbox', () => {
  it('exists only where an operator chose the mailbox provider', async () => {
    const get = async (vars: Partial<Env>) => {
      const ctx = createExecutionContext();
      const res = await worker.fetch(
        new Request('https://borda.test/dev/mailbox/messages'),
        { ...env, ...vars },
        ctx,
      );
      await waitOnExecutionContext(ctx);
      return res.status;
    };
    expect(await get({})).toBe(200);
    expect(await get({ NOTIFY_EMAIL_PROVIDER: 'resend', NOTIFY_SMS_PROVIDER: 'none' })).toBe(404);
    expect(await get({ NOTIFY_EMAIL_PROVIDER: 'none', NOTIFY_SMS_PROVIDER: 'mailbox' })).toBe(200);
  });
});
