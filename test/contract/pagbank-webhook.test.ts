import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pagbankConnector as pagbank } from '../../src/gateways/pagbank/client';
import { context, failure, fixture } from './requests';

const TOKEN = 'pagbank-sandbox-token-0123456789abcdef';
const ctx = () => context('', { token: TOKEN, notification_url: 'https://borda.example/n' });

/** Signed as PagBank documents it: hex SHA-256 of "{token}-{payload}", the payload exactly as sent. */
const sign = (body: string, token = TOKEN) => createHash('sha256').update(`${token}-${body}`).digest('hex');
const headers = (value: string) => new Headers({ 'x-authenticity-token': value });

/** The order as PagBank posts it to notification_urls (the same object GET /orders answers). */
function notification(status = 'PAID', patch: (o: Record<string, unknown>) => void = () => {}): string {
  const order = fixture<Record<string, unknown>>('pagbank', 'order_pix_paid').body;
  Object.assign((order.charges as object[])[0] ?? {}, { status });
  patch(order);
  return JSON.stringify(order);
}

describe('PagBank notifications', () => {
  it('an authentic PAID notification settles the order, with what PagBank says was paid', async () => {
    const body = notification();
    const event = await pagbank.parseWebhook(ctx(), { headers: headers(sign(body)), body });
    expect(event).toEqual({
      kind: 'paid',
      eventId: 'ORDE_F87334AC-BB8B-42E2-AA85-8579F70AA328:CHAR_A1C7D4F2-2E6B-4C8A-9D0E-6B3F5A7C9E11:PAID',
      reference: 'ORDE_F87334AC-BB8B-42E2-AA85-8579F70AA328',
      amount: 15000,
      currency: 'BRL',
    });
    // A retried delivery of the same state is the same event, which Borda applies once.
    expect((await pagbank.parseWebhook(ctx(), { headers: headers(sign(body)), body })).eventId).toBe(
      event.eventId,
    );
    // Upper-case hex is the same digest.
    expect(
      (await pagbank.parseWebhook(ctx(), { headers: headers(sign(body).toUpperCase()), body })).kind,
    ).toBe('paid');
  });

  it('refuses a wrong token, a changed body, a missing header, and a signature without the hyphen', async () => {
    const body = notification();
    for (const [h, b] of [
      [headers(sign(body, 'another-token')), body],
      [headers(sign(body)), body.replace('"paid":15000', '"paid":15001')],
      [new Headers(), body],
      [headers(createHash('sha256').update(`${TOKEN}${body}`).digest('hex')), body],
    ] as const) {
      const err = await failure(pagbank.parseWebhook(ctx(), { headers: h, body: b }));
      expect([err.kind, err.code]).toEqual(['retryable', 'unauthorized']);
    }
  });

  it('reduces declines and cancels, and ignores states that settle nothing', async () => {
    const parse = async (body: string) => pagbank.parseWebhook(ctx(), { headers: headers(sign(body)), body });
    expect(await parse(notification('DECLINED'))).toMatchObject({
      kind: 'denied',
      failureCode: 'card_declined',
    });
    expect((await parse(notification('CANCELED'))).kind).toBe('canceled');
    expect((await parse(notification('IN_ANALYSIS'))).kind).toBe('ignored');
    expect((await parse(notification('PAID', (o) => delete o.charges))).kind).toBe('ignored');
  });
});
