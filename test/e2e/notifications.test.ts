import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProviderFakes } from '../contract/provider-fakes';
import { type Server, startBorda } from './server';

const RESEND_KEY = 're_e2e_0123456789';
const TWILIO_SID = 'AC0123456789abcdef0123456789abcdef';
const TWILIO_TOKEN = 'e2e-twilio-token';

let borda: Server | undefined;
let fakes: Awaited<ReturnType<typeof startProviderFakes>> | undefined;
let key: string;
const stateDir = mkdtempSync(path.join(tmpdir(), 'borda-notify-'));

beforeAll(async () => {
  fakes = await startProviderFakes({
    resendKey: RESEND_KEY,
    twilioSid: TWILIO_SID,
    twilioToken: TWILIO_TOKEN,
    failFirst: 1,
  });
  borda = await startBorda({
    stateDir,
    env: {
      NOTIFY_EMAIL_PROVIDER: 'resend',
      RESEND_API_BASE: fakes.base,
      RESEND_API_KEY: RESEND_KEY,
      NOTIFY_EMAIL_FROM: 'Borda Demo Store <pagamentos@loja.example>',
      NOTIFY_SMS_PROVIDER: 'twilio',
      TWILIO_API_BASE: fakes.base,
      TWILIO_ACCOUNT_SID: TWILIO_SID,
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      NOTIFY_SMS_FROM: '+15005550006',
      NOTIFY_RETRY_SCHEDULE: '1,1,1',
    },
  });
  key = (
    JSON.parse(readFileSync(path.join(stateDir, 'borda-demo.json'), 'utf8')) as {
      secret_keys: { test: string };
    }
  ).secret_keys.test;
});

afterAll(async () => {
  await borda?.stop();
  await fakes?.close();
  rmSync(stateDir, { recursive: true, force: true });
});

async function until<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  ms = 60_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

let seq = 0;
async function session(extra: Record<string, unknown>) {
  const res = await fetch(`${borda?.base}/api/v1/checkout/sessions`, {
    method: 'POST',
    headers: { 'x-api-key': key, 'content-type': 'application/json' },
    body: JSON.stringify({
      amount: 250000,
      currency: 'BRL',
      merchant_order_id: `N-${Date.now()}-${++seq}`,
      ...extra,
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { token: string; checkout_url: string };
}

async function pay(token: string, body: Record<string, unknown>) {
  const res = await fetch(`${borda?.base}/c/v1/sessions/${token}/payments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: borda?.base ?? '' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(201);
  // biome-ignore lint/suspicious/noExplicitAny: the payment is read as plain JSON.
  return (await res.json()) as { payment: any };
}

type Notification = {
  kind: string;
  channel: string;
  status: string;
  attempts: number;
  provider: string;
  provider_message_id: string;
};
async function notifications(token: string): Promise<Notification[]> {
  const res = await fetch(`${borda?.base}/api/v1/checkout/sessions/${token}/notifications`, {
    headers: { 'x-api-key': key },
  });
  return ((await res.json()) as { data: Notification[] }).data;
}

describe('customer notifications through real HTTP providers on loopback', () => {
  it('e-mails (Resend, retried after a 500) and texts (Twilio) the PIX code in Spanish, with the amount', async () => {
    const email = `ana-${Date.now()}@example.com`;
    const s = await session({
      payment_method: 'pix',
      locale: 'es',
      notify_customer: 'both',
      customer: { phone: '+5511987654321' },
    });
    const { payment } = await pay(s.token, {
      method: 'pix',
      customer: { name: 'Ana Pérez', email, document: '529.982.247-25' },
    });
    const code = payment.pix.qr_code as string;
    const mails = await until('a delivered e-mail', () => {
      const got = fakes?.emails().filter((h) => JSON.parse(h.body).to[0] === email) ?? [];
      return got.some((h) => h.status === 200) ? got : undefined;
    });
    // The first try got a 500 and was retried with the same idempotency key.
    expect(mails.map((h) => h.status)).toEqual([500, 200]);
    expect(new Set(mails.map((h) => h.headers['idempotency-key'])).size).toBe(1);
    const sent = JSON.parse(mails[1]?.body ?? '{}') as {
      from: string;
      to: string[];
      subject: string;
      text: string;
      html: string;
    };
    expect(sent.to).toEqual([email]);
    expect(sent.from).toBe('Borda Demo Store <pagamentos@loja.example>');
    expect(sent.subject).toBe('Cómo pagar R$\u00a02.500,00 a Borda Demo Store');
    expect(sent.text).toContain(`Código PIX copia y pega: ${code}`);
    expect(sent.text).toContain('Hola, Ana Pérez:');
    expect(sent.text).toContain(s.checkout_url);
    expect(sent.html).toContain(code);
    const sms = await until('an SMS', () =>
      fakes?.sms().find((h) => new URLSearchParams(h.body).get('To') === '+5511987654321'),
    );
    const form = new URLSearchParams(sms.body);
    expect(form.get('From')).toBe('+15005550006');
    expect(form.get('Body')).toContain(code);
    // Plain spaces in an SMS (GSM alphabet), where the e-mail keeps the no-break one.
    expect(form.get('Body')).toContain('paga R$ 2.500,00');
    const list = await until('both recorded as sent', async () => {
      const l = await notifications(s.token);
      return l.filter((n) => n.status === 'sent').length === 2 ? l : undefined;
    });
    const byChannel = Object.fromEntries(list.map((n) => [n.channel, n]));
    expect(byChannel.email).toMatchObject({ kind: 'payment_instructions', provider: 'resend', attempts: 2 });
    expect(byChannel.email?.provider_message_id).toBe(JSON.parse(mails[1]?.answer ?? '{}').id);
    expect(byChannel.sms).toMatchObject({ kind: 'payment_instructions', provider: 'twilio', attempts: 1 });
    expect(byChannel.sms?.provider_message_id).toBe(JSON.parse(sms.answer).sid);
  });

  it('sends an English receipt once a card payment is approved, once, and no card data', async () => {
    const email = `john-${Date.now()}@example.com`;
    const s = await session({ payment_method: 'card', locale: 'en', notify_customer: 'email' });
    await pay(s.token, {
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
    const mail = await until('the receipt', () =>
      fakes?.emails().find((h) => h.status === 200 && JSON.parse(h.body).to[0] === email),
    );
    const sent = JSON.parse(mail.body) as { subject: string; text: string };
    expect(sent.subject).toBe('Receipt: R$2,500.00 paid to Borda Demo Store');
    expect(sent.text).toContain('We received your payment of R$2,500.00');
    expect(mail.body).not.toContain('4242');
    const list = await until('the receipt recorded', async () => {
      const l = await notifications(s.token);
      return l.some((n) => n.status === 'sent') ? l : undefined;
    });
    expect(list.map((n) => [n.kind, n.channel])).toEqual([['payment_receipt', 'email']]);
    expect(
      fakes?.emails().filter((h) => JSON.parse(h.body).to[0] === email && h.status === 200),
    ).toHaveLength(1);
  });
});
