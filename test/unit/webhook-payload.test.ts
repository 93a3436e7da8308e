import { describe, expect, it } from 'vitest';
import { type OutboxRecord, webhookBody } from '../../src/webhooks/payload';

const CREATED = Date.parse('2026-06-23T14:30:00.789Z');

// Shaped like src/session/payment-events.ts builds it: seed 000's fields, in seed 000's order.
const PAYMENT_DATA = {
  event: 'payment.success',
  payment_id: 'pay_01JZ',
  checkout_session_id: 'cs_01JZ',
  merchant_id: 'mer_01JZ',
  reference_id: 'order_12345',
  status: 'success',
  amount: 15000,
  currency: 'BRL',
  payment_method: 'pix',
  provider: 'sandbox',
  installments: null,
  failure_code: null,
  paid_at: '2026-06-23T14:29:59+00:00',
  timestamp: '2026-06-23T14:30:00+00:00',
  metadata: { order_id: '12345', customer_email: 'joao@example.com' },
  livemode: false,
};

const payment = (over: Partial<OutboxRecord> = {}): OutboxRecord => ({
  id: 'evt_pay',
  type: 'payment.success',
  mode: 'test',
  createdAt: CREATED,
  data: PAYMENT_DATA,
  ...over,
});

const SESSION_DATA = {
  object: 'checkout_session',
  id: 'cs_01JZ',
  status: 'expired',
  metadata: { order_id: '12345' },
};

const session = (over: Partial<OutboxRecord> = {}): OutboxRecord => ({
  id: 'evt_ses',
  type: 'checkout_session.expired',
  mode: 'live',
  createdAt: CREATED,
  data: SESSION_DATA,
  ...over,
});

describe('webhookBody for payment.* events (seed 000, flat)', () => {
  it('is the flat object: id, type, livemode, then every data field in order', () => {
    const body = webhookBody(payment());
    expect(Object.keys(JSON.parse(body))).toEqual([
      'id',
      'type',
      'livemode',
      ...Object.keys(PAYMENT_DATA).filter((k) => k !== 'livemode'),
    ]);
    expect(body.startsWith('{"id":"evt_pay","type":"payment.success","livemode":false,"event":')).toBe(true);
  });

  it('round-trips to exactly the event fields plus data', () => {
    // PAYMENT_DATA already says livemode: false, as payment-events.ts writes it.
    expect(JSON.parse(webhookBody(payment()))).toEqual({
      ...PAYMENT_DATA,
      id: 'evt_pay',
      type: 'payment.success',
    });
  });

  it('has no envelope: no object, created_at or nested data', () => {
    const parsed = JSON.parse(webhookBody(payment()));
    expect(parsed).not.toHaveProperty('object');
    expect(parsed).not.toHaveProperty('created_at');
    expect(parsed).not.toHaveProperty('data');
    expect(parsed.amount).toBe(15000);
    expect(parsed.metadata).toEqual({ order_id: '12345', customer_email: 'joao@example.com' });
  });

  it.each([
    ['test', false],
    ['live', true],
  ] as const)('mode %s -> livemode %s', (mode, livemode) => {
    expect(JSON.parse(webhookBody(payment({ mode, data: { event: 'payment.success' } }))).livemode).toBe(
      livemode,
    );
  });

  it.each(['payment.pending', 'payment.failed', 'payment.anything_new'])('%s is flat too', (type) => {
    const parsed = JSON.parse(webhookBody(payment({ type })));
    expect(parsed.type).toBe(type);
    expect(parsed.payment_id).toBe('pay_01JZ');
    expect(parsed).not.toHaveProperty('data');
  });

  it('keeps id, type and livemode authoritative and first even if data carries the same keys', () => {
    const body = webhookBody(
      payment({ mode: 'live', data: { id: 'spoofed', amount: 1, type: 'x', livemode: false, z: true } }),
    );
    expect(body).toBe('{"id":"evt_pay","type":"payment.success","livemode":true,"amount":1,"z":true}');
  });

  it('keeps a "__proto__" key in data as plain data', () => {
    const data = JSON.parse('{"__proto__":{"polluted":true},"amount":1}') as Record<string, unknown>;
    const parsed = JSON.parse(webhookBody(payment({ data })));
    expect(parsed.polluted).toBeUndefined();
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
    expect(parsed.amount).toBe(1);
  });
});

describe('webhookBody for checkout_session.* events (seed 002, envelope)', () => {
  it('is the envelope in order: id, object, type, livemode, created_at, data', () => {
    const body = webhookBody(session());
    expect(Object.keys(JSON.parse(body))).toEqual(['id', 'object', 'type', 'livemode', 'created_at', 'data']);
    expect(body).toBe(
      '{"id":"evt_ses","object":"event","type":"checkout_session.expired","livemode":true,' +
        '"created_at":"2026-06-23T14:30:00+00:00",' +
        '"data":{"object":"checkout_session","id":"cs_01JZ","status":"expired","metadata":{"order_id":"12345"}}}',
    );
  });

  it('round-trips with data nested untouched', () => {
    expect(JSON.parse(webhookBody(session({ mode: 'test' })))).toEqual({
      id: 'evt_ses',
      object: 'event',
      type: 'checkout_session.expired',
      livemode: false,
      created_at: '2026-06-23T14:30:00+00:00',
      data: SESSION_DATA,
    });
  });

  it.each([
    [Date.parse('2026-01-02T03:04:05Z'), '2026-01-02T03:04:05+00:00'],
    [Date.parse('2026-12-31T23:59:59.999Z'), '2026-12-31T23:59:59+00:00'],
    [0, '1970-01-01T00:00:00+00:00'],
  ])('created_at for %i is %s (UTC, seconds, +00:00)', (createdAt, iso) => {
    expect(JSON.parse(webhookBody(session({ createdAt }))).created_at).toBe(iso);
  });

  it.each(['checkout_session.completed', 'checkout_session.expired'])('%s uses the envelope', (type) => {
    const parsed = JSON.parse(webhookBody(session({ type })));
    expect(parsed.object).toBe('event');
    expect(parsed.data).toEqual(SESSION_DATA);
  });

  it('does not mistake a type merely containing "payment." for a payment event', () => {
    const parsed = JSON.parse(webhookBody(session({ type: 'checkout_session.payment.failed' })));
    expect(parsed.object).toBe('event');
  });
});

it('returns the same text for the same record, so a retry signs identical bytes', () => {
  expect(webhookBody(payment())).toBe(webhookBody(payment()));
  expect(webhookBody(session())).toBe(webhookBody(session()));
});
