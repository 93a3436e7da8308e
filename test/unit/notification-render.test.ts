import { describe, expect, it } from 'vitest';
import { cashierBody, zulu } from '../../src/dialects/cashier/payload';
import { formAsJsonText } from '../../src/http/body';
import { channelsFor, payableUntil, plannedMessages } from '../../src/notifications/plan';
import { type NotificationModel, renderNotification } from '../../src/notifications/render';

const base: NotificationModel = {
  kind: 'payment_instructions',
  locale: 'pt-BR',
  merchantName: 'Loja <b>Boa</b>',
  customerName: 'Maria "M" <img src=x>',
  orderId: 'ORD-1',
  amount: 15050,
  currency: 'BRL',
  pageUrl: 'https://borda.test/checkout/cs_test_x',
  country: 'BRA',
  details: { pix: { payload: '00020126PIXCODE', expires_at: Date.parse('2026-11-27T18:30:00Z'), txid: 't' } },
  expiresAt: null,
};

describe('renderNotification', () => {
  it('writes the amount, the code and the deadline in the customer clock, per language', () => {
    const pt = renderNotification(base);
    expect(pt.subject).toBe('Como pagar R$\u00a0150,50 para Loja <b>Boa</b>');
    expect(pt.text).toContain('Código PIX copia e cola: 00020126PIXCODE');
    expect(pt.text).toContain('Pague até: 27/11/2026, 15:30');
    const en = renderNotification({ ...base, locale: 'en' });
    expect(en.text).toContain('PIX copy-and-paste code: 00020126PIXCODE');
    expect(en.text).toContain('Pay before: 27/11/2026, 15:30');
    const es = renderNotification({ ...base, locale: 'es', currency: 'CLP', amount: 1500, country: 'CHL' });
    expect(es.subject).toBe('Cómo pagar CLP\u00a0$\u00a01.500 a Loja <b>Boa</b>');
  });

  it('escapes what merchants and customers typed in the HTML part, and keeps the subject on one line', () => {
    const html = renderNotification(base).html;
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>Boa');
    expect(html).toContain('Maria &quot;M&quot; &lt;img src=x&gt;');
    expect(renderNotification({ ...base, merchantName: 'Loja\r\nBcc: x@y.z' }).subject).not.toMatch(/[\r\n]/);
  });

  it('writes a boleto line in its groups and the due date as the locale does; an SMS carries the raw code', () => {
    const line = '23793381286000000000300000000400184340000015050';
    const boleto = {
      barcode: '',
      line,
      due_date: '2026-11-30',
      void_date: '2026-12-30',
      fine_cents: null,
      interest_per_day_cents: null,
      interest_monthly_percent: null,
    };
    const m = renderNotification({ ...base, details: { boleto } });
    expect(m.text).toContain(
      'Linha digitável do boleto: 23793.38128 60000.000003 00000.000400 1 84340000015050',
    );
    expect(m.text).toContain('Vencimento: 30/11/2026');
    expect(m.sms).toContain(line);
    expect(renderNotification({ ...base, locale: 'en', details: { boleto } }).text).toContain(
      'Due date: 2026-11-30',
    );
  });
});

describe('planning', () => {
  const session = { expiresAt: Date.parse('2026-11-27T19:00:00Z') } as never;
  it('plans a reminder only when there is time for one after the instructions', () => {
    const now = Date.parse('2026-11-27T12:00:00Z');
    const payment = (details: object) =>
      ({ id: 'pay_1', status: 'pending', amount: 100, currency: 'BRL', details }) as never;
    const event = { id: 'evt_1', type: 'payment.pending', data: {} };
    const pix = plannedMessages(
      event,
      { session, payment: payment(base.details), merchantName: 'x', merchantDefault: null },
      { now, reminderBeforeMs: 86_400_000 },
    );
    expect(pix.map((p) => p.kind)).toEqual(['payment_instructions']);
    const boleto = { boleto: { due_date: '2026-11-30' } };
    const planned = plannedMessages(
      event,
      { session, payment: payment(boleto), merchantName: 'x', merchantDefault: null },
      { now, reminderBeforeMs: 86_400_000 },
    );
    expect(planned.map((p) => p.kind)).toEqual(['payment_instructions', 'payment_reminder']);
    expect(planned[1]?.dueAt).toBe(payableUntil(boleto as never, 0) - 86_400_000);
    expect(new Date(payableUntil(boleto as never, 0)).toISOString()).toBe('2026-12-01T02:59:59.000Z');
    const off = plannedMessages(
      event,
      { session, payment: payment(boleto), merchantName: 'x', merchantDefault: null },
      { now, reminderBeforeMs: 0 },
    );
    expect(off.map((p) => p.kind)).toEqual(['payment_instructions']);
  });

  it("resolves channels from the session's choice, else the merchant's default, else e-mail", () => {
    expect(channelsFor('both', 'none')).toEqual(['email', 'sms']);
    expect(channelsFor(null, 'sms')).toEqual(['sms']);
    expect(channelsFor(null, null)).toEqual(['email']);
    expect(channelsFor('none', 'both')).toEqual([]);
  });
});

describe('dialect helpers', () => {
  it('reads form bodies and JSON labelled as a form', () => {
    expect(JSON.parse(formAsJsonText('{"amount":1000}'))).toEqual({ amount: 1000 });
    expect(JSON.parse(formAsJsonText('amount=1000&currency=clp&metadata%5Bk%5D=007&__proto__=x'))).toEqual(
      JSON.parse('{"amount":1000,"currency":"clp","metadata":{"k":"007"},"__proto__":"x"}'),
    );
  });

  it('writes cashier instants with Z and the amount as the decimal the document shows', () => {
    expect(zulu('2025-01-04T12:30:00+00:00')).toBe('2025-01-04T12:30:00Z');
    const body = cashierBody({
      id: 'evt_1',
      type: 'payment.success',
      mode: 'test',
      data: {
        amount: 15000,
        currency: 'BRL',
        provider: 'sandbox',
        payment_method: 'pix',
        paid_at: null,
        timestamp: null,
      },
    });
    expect(body).toContain('"amount":150.00,');
    expect(body).toContain('"method_code":"sandbox-pix"');
  });
});
