import { describe, expect, it } from 'vitest';
import {
  applyPolicy,
  classifySettlement,
  decideAccept,
  type SettlementInput,
} from '../../src/domain/settlement-rules';

const input = (over: {
  session?: Partial<SettlementInput['session']>;
  payment?: Partial<SettlementInput['payment']>;
  received?: SettlementInput['received'];
  now?: number;
}): SettlementInput => ({
  session: { status: 'pending', expiresAt: 1000, dueAt: 1000, ...over.session },
  payment: { status: 'pending', amount: 5000, currency: 'BRL', ...over.payment },
  received: over.received ?? {},
  now: over.now ?? 500,
});

describe('classifySettlement', () => {
  it.each([
    ['the expected payment', input({}), { kind: 'normal' }],
    [
      'the expected amount, stated',
      input({ received: { amount: 5000, currency: 'brl' } }),
      { kind: 'normal' },
    ],
    ['a repeat of a paid payment', input({ payment: { status: 'paid' } }), { kind: 'repeat' }],
    ['a repeat of a refunded payment', input({ payment: { status: 'refunded' } }), { kind: 'repeat' }],
    [
      'after the session expired',
      input({ session: { status: 'expired' } }),
      { kind: 'unexpected', flag: 'late', underpaid: false },
    ],
    [
      'after the customer canceled',
      input({ session: { status: 'canceled' } }),
      { kind: 'unexpected', flag: 'late' },
    ],
    ['past due but not yet swept', input({ now: 1000 }), { kind: 'unexpected', flag: 'late' }],
    [
      'for a voided attempt',
      input({ session: { status: 'open' }, payment: { status: 'canceled' } }),
      { kind: 'unexpected', flag: 'late' },
    ],
    [
      'after another payment won',
      input({ session: { status: 'paid' }, payment: { status: 'canceled' } }),
      { kind: 'unexpected', flag: 'duplicate' },
    ],
    [
      'underpaid',
      input({ received: { amount: 4999 } }),
      { kind: 'unexpected', flag: 'amount_mismatch', underpaid: true, receivedAmount: 4999 },
    ],
    [
      'overpaid',
      input({ received: { amount: 6000 } }),
      { kind: 'unexpected', flag: 'amount_mismatch', underpaid: false, receivedAmount: 6000 },
    ],
    [
      'in another currency',
      input({ received: { amount: 5000, currency: 'USD' } }),
      { kind: 'unexpected', flag: 'amount_mismatch', underpaid: true, receivedCurrency: 'USD' },
    ],
    [
      'late and underpaid',
      input({ session: { status: 'expired' }, received: { amount: 10 } }),
      { kind: 'unexpected', flag: 'late', underpaid: true },
    ],
  ])('%s', (_name, i, expected) => expect(classifySettlement(i)).toMatchObject(expected));
});

describe('applyPolicy', () => {
  it.each([
    ['late', false, 'accept', { resolution: 'accepted', completesSession: true }],
    ['duplicate', false, 'accept', { resolution: 'accepted', completesSession: false }],
    ['amount_mismatch', false, 'accept', { resolution: 'accepted', completesSession: true }],
    ['amount_mismatch', true, 'accept', { resolution: 'held', completesSession: false }],
    ['late', true, 'accept', { resolution: 'held', completesSession: false }],
    ['late', false, 'hold', { resolution: 'held', completesSession: false }],
    ['late', false, 'refund', { resolution: 'refund', completesSession: false }],
    ['amount_mismatch', true, 'refund', { resolution: 'refund', completesSession: false }],
  ] as const)('%s (underpaid %s) under %s', (flag, underpaid, policy, expected) => {
    expect(applyPolicy({ flag, underpaid }, policy)).toEqual(expected);
  });
});

describe('decideAccept', () => {
  it('accepts a held overpayment, completing an unpaid session', () => {
    expect(decideAccept({ flag: 'late', resolution: 'held', underpaid: false }, 'expired')).toEqual({
      ok: true,
      completesSession: true,
    });
    expect(decideAccept({ flag: 'duplicate', resolution: 'held', underpaid: false }, 'paid')).toEqual({
      ok: true,
      completesSession: false,
    });
  });
  it('refuses an underpayment, an unflagged payment and one already decided', () => {
    expect(
      decideAccept({ flag: 'amount_mismatch', resolution: 'held', underpaid: true }, 'open'),
    ).toMatchObject({ ok: false, code: 'amount_insufficient' });
    expect(decideAccept({ flag: null, resolution: null, underpaid: false }, 'paid')).toMatchObject({
      ok: false,
      code: 'payment_not_held',
    });
    expect(
      decideAccept(
        { flag: 'late', resolution: 'held', underpaid: false, status: 'partially_refunded' },
        'expired',
      ),
    ).toMatchObject({ ok: false, code: 'payment_not_held' });
    expect(decideAccept({ flag: 'late', resolution: 'accepted', underpaid: false }, 'paid')).toMatchObject({
      ok: false,
      code: 'payment_not_held',
    });
  });
});
