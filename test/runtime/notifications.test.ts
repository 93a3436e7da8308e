import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatLinhaDigitavel } from '../../src/domain/boleto';
import worker from '../../src/index';
import { sendNotification } from '../../src/notifications/send';
import { database } from '../../src/platform/db';
import { platform } from '../../src/platform/platform';
import { pay } from './client-helpers';
import { api, createSession, type Merchant, newMerchant } from './helpers';
import { eventsOf, mailbox, notificationsOf, waitForNotifications } from './notification-helpers';

let m: Merchant;
let other: Merchant;
beforeAll(async () => {
  [m, other] = await Promise.all([
    newMerchant({ name: 'Loja Aviso', country: 'BRA' }),
    newMerchant({ name: 'Outra Loja', country: 'BRA' }),
  ]);
});

const NBSP = '\u00a0';
let seq = 0;
const address = (tag: string) => `${tag}-${++seq}-${Date.now()}@example.com`;
// biome-ignore lint/suspicious/noExplicitAny: payments are read as plain JSON.
type Paid = { status: string; payment: any };

async function boletoSession(overrides: Record<string, unknown> = {}) {
  const email = address('boleto');
  const s = await createSession(m.secret_keys.test, {
    payment_method: 'boleto',
    locale: 'pt-BR',
    customer: { name: 'Maria Silva', email, phone: '+5511987654321', document: '529.982.247-25' },
    notify_customer: 'both',
    ...overrides,
  });
  const customer = { name: 'Maria Silva', email, document: '529.982.247-25' };
  const paid = (await (await pay(s.token, { method: 'boleto', customer })).json()) as Paid;
  expect(paid.status).toBe('pending');
  return { s, email, boleto: paid.payment.boleto, payment: paid.payment };
}

/** Runs the real queue handler on one notifications message. */
async function consumeNotify(id: string, workerEnv: Env = env) {
  const batch = createMessageBatch('borda-notifications', [
    { id: `msg-${id}-${Math.random()}`, timestamp: new Date(), attempts: 1, body: { kind: 'notify', id } },
  ]);
  const ctx = createExecutionContext();
  await worker.queue(batch, workerEnv, ctx);
  return getQueueResult(batch, ctx);
}

/** The session's e-mailed instructions once sent, put back to a fresh pending message. */
async function sentInstructions(token: string) {
  const list = await waitForNotifications(m.secret_keys.test, token, (l) =>
    l.some((n) => n.kind === 'payment_instructions' && n.status === 'sent'),
  );
  const n = list.find((x) => x.kind === 'payment_instructions' && x.channel === 'email');
  await env.DB.prepare(
    "UPDATE customer_notifications SET status = 'pending', attempts = 0, provider = NULL, next_attempt_at = ? WHERE id = ?",
  )
    .bind(Date.now(), n?.id)
    .run();
  return n;
}

describe('payment instructions', { timeout: 30_000 }, () => {
  it('e-mails and texts a boleto in Portuguese: the line, the amount, the due date and the page link', async () => {
    const { s, email, boleto } = await boletoSession();
    const list = await waitForNotifications(
      m.secret_keys.test,
      s.token,
      (l) =>
        l.filter((n) => n.kind === 'payment_instructions').every((n) => n.status === 'sent') && l.length >= 2,
    );
    const instructions = list.filter((n) => n.kind === 'payment_instructions');
    expect(instructions.map((n) => n.channel).sort()).toEqual(['email', 'sms']);
    expect(
      instructions.every((n) => n.attempts === 1 && n.provider === 'mailbox' && n.locale === 'pt-BR'),
    ).toBe(true);
    const [mail] = (await mailbox(email)).filter((x) => x.kind === 'payment_instructions');
    expect(mail?.subject).toBe(`Como pagar R$${NBSP}150,00 para Loja Aviso`);
    expect(mail?.text).toContain(`Linha digitável do boleto: ${formatLinhaDigitavel(boleto.line)}`);
    expect(mail?.text).toContain(`Valor: R$${NBSP}150,00`);
    const [y, mo, d] = (boleto.due_date as string).split('-');
    expect(mail?.text).toContain(`Vencimento: ${d}/${mo}/${y}`);
    expect(mail?.text).toContain(s.checkout_url as string);
    expect(mail?.text).toContain('Olá, Maria Silva,');
    expect(mail?.html).toContain(
      `<code style="font-size:15px;word-break:break-all">${formatLinhaDigitavel(boleto.line)}</code>`,
    );
    const [sms] = (await mailbox('+5511987654321')).filter((x) => x.checkout_session_id === s.token);
    expect(sms?.text).toContain(boleto.line);
    expect(sms?.text).toContain('Loja Aviso: pague');
  });

  it('plans a reminder a day before the boleto is due, and skips it once the payment is settled', async () => {
    const { s, payment } = await boletoSession();
    const list = await waitForNotifications(m.secret_keys.test, s.token, (l) =>
      l.some((n) => n.kind === 'payment_reminder'),
    );
    const reminder = list.find((n) => n.kind === 'payment_reminder' && n.channel === 'email');
    const due = Date.parse(`${payment.boleto.due_date}T23:59:59-03:00`);
    expect(reminder?.status).toBe('pending');
    expect(Date.parse(reminder?.next_attempt_at ?? '')).toBe(due - 86400_000);
    // Before its time the consumer leaves it waiting.
    const db = database(env);
    expect(await sendNotification(platform(env), db, reminder?.id ?? '', Date.now())).toEqual({
      status: 'pending',
      dueAt: due - 86400_000,
    });
    // At its time, while the boleto is still open, it goes out.
    expect((await sendNotification(platform(env), db, reminder?.id ?? '', due - 86400_000 + 1)).status).toBe(
      'sent',
    );
    const sms = list.find((n) => n.kind === 'payment_reminder' && n.channel === 'sms');
    const paid = await api(`/api/v1/test/payments/${payment.id}/simulate`, m.secret_keys.test, {
      body: { outcome: 'paid' },
    });
    expect(paid.status).toBe(200);
    expect((await sendNotification(platform(env), db, sms?.id ?? '', due - 86400_000 + 1)).status).toBe(
      'skipped',
    );
  });

  it('speaks Spanish for an es session and sends the PIX copy-and-paste code; no reminder for a 30-minute code', async () => {
    const email = address('pix');
    const s = await createSession(m.secret_keys.test, {
      payment_method: 'pix',
      locale: 'es',
      customer: { email },
    });
    const paid = (await (
      await pay(s.token, { method: 'pix', customer: { name: 'Ana', email, document: '529.982.247-25' } })
    ).json()) as Paid;
    const list = await waitForNotifications(m.secret_keys.test, s.token, (l) =>
      l.some((n) => n.status === 'sent'),
    );
    // The merchant did not choose, so the default (e-mail) applies; no phone was given, so no SMS either way.
    expect(list.map((n) => [n.kind, n.channel])).toEqual([['payment_instructions', 'email']]);
    const [mail] = await mailbox(email);
    expect(mail?.subject).toBe(`Cómo pagar R$${NBSP}150,00 a Loja Aviso`);
    expect(mail?.text).toContain(`Código PIX copia y pega: ${paid.payment.pix.qr_code}`);
  });
});

describe('receipts', { timeout: 30_000 }, () => {
  it('sends an English receipt once the payment settles, and nothing about the card', async () => {
    const email = address('card');
    const s = await createSession(m.secret_keys.test, {
      locale: 'en',
      customer: { email },
      notify_customer: 'email',
    });
    const res = await pay(s.token, {
      method: 'card',
      customer: { name: 'John Doe', email, document: '529.982.247-25' },
      card: {
        number: '4242424242424242',
        holder_name: 'JOHN DOE',
        exp_month: 12,
        exp_year: 2030,
        cvc: '123',
      },
    });
    expect(res.status).toBe(201);
    await waitForNotifications(m.secret_keys.test, s.token, (l) =>
      l.some((n) => n.kind === 'payment_receipt' && n.status === 'sent'),
    );
    const [mail] = await mailbox(email);
    expect(mail?.subject).toMatch(/^Receipt: .*150\.00 paid to Loja Aviso$/);
    expect(mail?.text).toContain('Hello John Doe,');
    // The order id (a timestamp) and the page token are the session's own and may hold any digits.
    const text = (mail?.text ?? '')
      .replaceAll(String(s.merchant_order_id), '')
      .replaceAll(String(s.token), '');
    for (const secret of ['4242424242424242', '4242', '123', 'JOHN DOE']) {
      expect(text).not.toContain(secret === '123' ? 'cvc' : secret);
    }
  });
});

describe('idempotency', { timeout: 30_000 }, () => {
  it('plans each message once per (session, kind) however often its event is handled, and sends it once', async () => {
    const { s } = await boletoSession({ notify_customer: 'email' });
    const first = await waitForNotifications(m.secret_keys.test, s.token, (l) =>
      l.some((n) => n.kind === 'payment_instructions' && n.status === 'sent'),
    );
    const [eventId] = await eventsOf(s.token, 'payment.pending');
    // The webhook queue delivers at least once: handle the same event twice more.
    for (let i = 0; i < 2; i++) {
      const batch = createMessageBatch('borda-webhooks', [
        { id: `again-${i}`, timestamp: new Date(), attempts: 1, body: { kind: 'deliver', eventId } },
      ]);
      const ctx = createExecutionContext();
      await worker.queue(batch, env, ctx);
      await getQueueResult(batch, ctx);
    }
    const instructions = first.find((n) => n.kind === 'payment_instructions');
    // And the notifications queue delivers at least once: the same message twice.
    await consumeNotify(instructions?.id ?? '');
    await consumeNotify(instructions?.id ?? '');
    const after = await notificationsOf(m.secret_keys.test, s.token);
    expect(after.map((n) => n.kind).sort()).toEqual(['payment_instructions', 'payment_reminder']);
    const again = after.find((n) => n.kind === 'payment_instructions');
    expect(again).toMatchObject({ attempts: 1, provider_message_id: instructions?.provider_message_id });
  });

  it("sends nothing when the session says notify_customer none, and lists only the key's own sessions", async () => {
    const { s } = await boletoSession({ notify_customer: 'none' });
    await new Promise((r) => setTimeout(r, 0));
    const [eventId] = await eventsOf(s.token, 'payment.pending');
    expect(eventId).toBeDefined();
    const batch = createMessageBatch('borda-webhooks', [
      { id: 'none-1', timestamp: new Date(), attempts: 1, body: { kind: 'deliver', eventId } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env, ctx);
    await getQueueResult(batch, ctx);
    expect(await notificationsOf(m.secret_keys.test, s.token)).toEqual([]);
    const foreign = await api(`/api/v1/checkout/sessions/${s.token}/notifications`, other.secret_keys.test);
    expect(foreign.status).toBe(404);
    const liveKey = await api(`/api/v1/checkout/sessions/${s.token}/notifications`, m.secret_keys.live);
    expect(liveKey.status).toBe(404);
  });
});

describe("the merchant's default", { timeout: 30_000 }, () => {
  it("applies notify_customer of the key's mode when a session omits it; the other mode keeps its own", async () => {
    const shop = await newMerchant({ name: 'Loja Padrão', country: 'BRA' });
    const patch = await api('/api/v1/merchant', shop.secret_keys.test, {
      method: 'PATCH',
      body: { notify_customer: 'sms' },
    });
    expect(patch.status).toBe(200);
    expect(await patch.json()).toMatchObject({ notify_customer: 'sms', mode: 'test' });
    const live = (await (await api('/api/v1/merchant', shop.secret_keys.live)).json()) as {
      notify_customer: string;
    };
    expect(live.notify_customer).toBe('email');
    const s = await createSession(shop.secret_keys.test, {
      payment_method: 'boleto',
      customer: { email: address('default'), phone: '+5511912345678' },
    });
    const customer = { name: 'Maria Silva', email: address('default'), document: '529.982.247-25' };
    expect((await pay(s.token, { method: 'boleto', customer })).status).toBe(201);
    const list = await waitForNotifications(shop.secret_keys.test, s.token, (l) =>
      l.some((n) => n.status === 'sent'),
    );
    expect([...new Set(list.map((n) => n.channel))]).toEqual(['sms']);
    const bad = await api('/api/v1/merchant', shop.secret_keys.test, {
      method: 'PATCH',
      body: { notify_customer: 'fax' },
    });
    expect(bad.status).toBe(422);
  });
});

describe('providers', { timeout: 30_000 }, () => {
  it("sends through Cloudflare Email Service's send_email binding (wrangler's local simulation)", async () => {
    const { s } = await boletoSession({ notify_customer: 'email' });
    // Sent once through the mailbox; put it back to pending and send it through the binding instead.
    const n = await sentInstructions(s.token);
    const cfEnv = { ...env, NOTIFY_EMAIL_PROVIDER: 'cloudflare' } as Env;
    const result = await consumeNotify(n?.id ?? '', cfEnv);
    expect(result.explicitAcks).toHaveLength(1);
    const [sent] = (await notificationsOf(m.secret_keys.test, s.token)).filter((x) => x.id === n?.id);
    expect(sent).toMatchObject({ status: 'sent', provider: 'cloudflare', attempts: 1 });
    expect(sent?.provider_message_id).toMatch(/@/);
  });

  it('retries an unreachable provider on the schedule, then gives up and records every attempt', async () => {
    const { s } = await boletoSession({ notify_customer: 'email' });
    const n = await sentInstructions(s.token);
    // Port 1 on loopback refuses connections: a real network failure, no stub.
    const down = {
      ...env,
      NOTIFY_EMAIL_PROVIDER: 'resend',
      RESEND_API_BASE: 'http://127.0.0.1:1',
      ALLOW_LOOPBACK_URLS: 'true',
      NOTIFY_RETRY_SCHEDULE: '30,60',
    } as Env;
    const db = database(env);
    const t0 = Date.now();
    const first = await sendNotification(platform(down), db, n?.id ?? '', t0);
    expect(first.status).toBe('pending');
    expect(first.dueAt).toBeGreaterThanOrEqual(t0 + 24_000);
    expect(first.dueAt).toBeLessThanOrEqual(t0 + 36_000);
    const second = await sendNotification(platform(down), db, n?.id ?? '', first.dueAt ?? 0);
    expect(second.status).toBe('pending');
    const third = await sendNotification(platform(down), db, n?.id ?? '', second.dueAt ?? 0);
    expect(third.status).toBe('failed');
    const [row] = (await notificationsOf(m.secret_keys.test, s.token)).filter((x) => x.id === n?.id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, provider: 'resend' });
    expect(row?.last_error).toMatch(/network error/);
  });
});
