import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resendSender } from '../../src/notifications/providers/resend';
import { twilioSender } from '../../src/notifications/providers/twilio';
import { startProviderFakes } from './provider-fakes';

const KEY = 're_contract_key';
const SID = 'AC11111111111111111111111111111111';
const TOKEN = 'contract-token';
let fakes: Awaited<ReturnType<typeof startProviderFakes>>;
beforeAll(async () => {
  fakes = await startProviderFakes({ resendKey: KEY, twilioSid: SID, twilioToken: TOKEN, failFirst: 1 });
});
afterAll(() => fakes.close());

const email = (to: string, key: string) => ({
  from: 'Loja <pagamentos@loja.example>',
  to,
  subject: 'Como pagar R$ 150,00',
  text: 'texto',
  html: '<p>html</p>',
  idempotencyKey: key,
});

describe('Resend adapter, over the wire', () => {
  it('sends the documented body with the key, retries a 500 as retryable, and a replay gets the same id', async () => {
    const resend = resendSender({ apiKey: KEY, apiBase: fakes.base });
    const first = await resend.send(email('ana@example.com', 'ntf_1'));
    expect(first).toMatchObject({ ok: false, retryable: true });
    const second = await resend.send(email('ana@example.com', 'ntf_1'));
    expect(second.ok).toBe(true);
    const third = await resend.send(email('ana@example.com', 'ntf_1'));
    expect(third).toEqual(second);
    const hit = fakes.emails().at(-1);
    expect(hit?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(JSON.parse(hit?.body ?? '{}')).toEqual({
      from: 'Loja <pagamentos@loja.example>',
      to: ['ana@example.com'],
      subject: 'Como pagar R$ 150,00',
      html: '<p>html</p>',
      text: 'texto',
    });
  });

  it('treats a refused key as final, not as something a retry fixes', async () => {
    const wrong = resendSender({ apiKey: 're_wrong', apiBase: fakes.base });
    expect(await wrong.send(email('ana@example.com', 'ntf_2'))).toMatchObject({
      ok: false,
      retryable: false,
    });
  });

  it('reports a refused connection as a retryable network error', async () => {
    const down = resendSender({ apiKey: KEY, apiBase: 'http://127.0.0.1:1' });
    const outcome = await down.send(email('ana@example.com', 'ntf_3'));
    expect(outcome).toMatchObject({ ok: false, retryable: true });
    expect(outcome.ok ? '' : outcome.error).toMatch(/^network error/);
  });
});

describe('Twilio adapter, over the wire', () => {
  it('posts To, From and Body form-encoded with basic auth, and keeps the message sid', async () => {
    const twilio = twilioSender({ accountSid: SID, authToken: TOKEN, apiBase: fakes.base });
    const outcome = await twilio.send({
      from: '+15005550006',
      to: '+5511987654321',
      body: 'Loja: pague R$ 150,00',
      idempotencyKey: 'x',
    });
    expect(outcome.ok).toBe(true);
    const hit = fakes.sms().at(-1);
    expect(hit?.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(hit?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(hit?.body))).toEqual({
      To: '+5511987654321',
      From: '+15005550006',
      Body: 'Loja: pague R$ 150,00',
    });
    expect(outcome.ok && outcome.messageId).toBe(JSON.parse(hit?.answer ?? '{}').sid);
    const refused = twilioSender({ accountSid: SID, authToken: 'wrong', apiBase: fakes.base });
    expect(await refused.send({ from: '+1', to: '+2', body: 'b', idempotencyKey: 'y' })).toMatchObject({
      ok: false,
      retryable: false,
    });
  });
});
