import { describe, expect, it } from 'vitest';
import {
  canRefundTransition,
  decideRefund,
  PIX_REFUND_WINDOW_MS,
  paymentStatusAfterRefunds,
  REFUND_STATUSES,
  type RefundStatus,
  refundPath,
  remainingRefundable,
} from '../../src/domain/refund-rules';

const DAY = 24 * 3600 * 1000;
const paid = (over: Partial<Parameters<typeof decideRefund>[0]> = {}) => ({
  method: 'card',
  currency: 'BRL' as const,
  status: 'paid',
  amount: 10000,
  receivedAmount: null,
  paidAt: 0,
  ...over,
});
const r = (amount: number, status: RefundStatus) => ({ amount, status });

describe('remainingRefundable', () => {
  it.each([
    [[], 10000],
    [[r(3000, 'succeeded')], 7000],
    [[r(3000, 'pending'), r(2000, 'requires_action')], 5000],
    [[r(3000, 'failed'), r(2000, 'canceled')], 10000],
    [[r(10000, 'succeeded')], 0],
  ])('with refunds %j leaves %i', (refunds, left) => {
    expect(remainingRefundable(paid(), refunds)).toBe(left);
  });
  it('counts what arrived when it differed from the charge', () => {
    expect(remainingRefundable(paid({ receivedAmount: 12000 }), [r(1000, 'succeeded')])).toBe(11000);
  });
});

describe('decideRefund', () => {
  it.each([
    [
      'the rest when no amount is given',
      paid(),
      [r(2500, 'succeeded')],
      undefined,
      { ok: true, amount: 7500 },
    ],
    ['a partial amount', paid(), [], 100, { ok: true, amount: 100, path: 'gateway' }],
    [
      'more than is left',
      paid(),
      [r(9000, 'pending')],
      1001,
      {
        ok: false,
        code: 'refund_exceeds_refundable',
        field: 'amount',
        detail: 'At most 1000 (10.00 BRL) can still be refunded on this payment.',
      },
    ],
    [
      'an unpaid payment',
      paid({ status: 'pending' }),
      [],
      undefined,
      { ok: false, code: 'payment_not_refundable' },
    ],
    [
      'a fully refunded payment',
      paid({ status: 'refunded' }),
      [r(10000, 'succeeded')],
      1,
      { ok: false, code: 'payment_not_refundable' },
    ],
    [
      'a partially refunded payment',
      paid({ status: 'partially_refunded' }),
      [r(1, 'succeeded')],
      9999,
      { ok: true },
    ],
    [
      'a boleto, through a bank account',
      paid({ method: 'boleto' }),
      [],
      500,
      { ok: true, path: 'bank_account' },
    ],
    [
      'a PIX inside its window',
      paid({ method: 'pix' }),
      [],
      500,
      { ok: true, windowClosesAt: PIX_REFUND_WINDOW_MS },
    ],
  ])('%s', (_name, payment, refunds, amount, expected) => {
    expect(decideRefund(payment, refunds, amount, 10 * DAY)).toMatchObject(expected);
  });

  it('closes the PIX window 90 days after payment, to the millisecond', () => {
    const p = paid({ method: 'pix', paidAt: 1000 });
    expect(decideRefund(p, [], 1, 1000 + 90 * DAY).ok).toBe(true);
    expect(decideRefund(p, [], 1, 1001 + 90 * DAY)).toMatchObject({
      ok: false,
      code: 'refund_window_closed',
    });
    // Cards have no such window.
    expect(decideRefund(paid({ paidAt: 0 }), [], 1, 400 * DAY).ok).toBe(true);
  });
});

describe('refund state machine', () => {
  const allowed: Array<[RefundStatus, RefundStatus]> = [
    ['pending', 'succeeded'],
    ['pending', 'failed'],
    ['pending', 'canceled'],
    ['requires_action', 'pending'],
    ['requires_action', 'succeeded'],
    ['requires_action', 'failed'],
    ['requires_action', 'canceled'],
  ];
  for (const from of REFUND_STATUSES) {
    for (const to of REFUND_STATUSES) {
      const ok = allowed.some(([a, b]) => a === from && b === to);
      it(`${from} -> ${to} is ${ok ? 'allowed' : 'refused'}`, () =>
        expect(canRefundTransition(from, to)).toBe(ok));
    }
  }
});

describe('refundPath and payment status', () => {
  it.each([
    ['card', 'gateway'],
    ['pix', 'gateway'],
    ['boleto', 'bank_account'],
    ['bank_transfer', 'bank_account'],
    ['oxxo', 'bank_account'],
    ['picpay', 'bank_account'],
  ])('%s refunds through %s', (method, path) => expect(refundPath(method)).toBe(path));
  it.each([
    [0, 'paid'],
    [1, 'partially_refunded'],
    [9999, 'partially_refunded'],
    [10000, 'refunded'],
  ])('%i refunded of 10000 leaves the payment %s', (amount, status) => {
    expect(paymentStatusAfterRefunds(paid(), amount)).toBe(status);
  });
});
