import { describe, expect, it } from 'vitest';
import { availableMethods, quoteMethod } from '../../src/domain/offer';

const session = (extra: Record<string, unknown> = {}) => ({
  country: 'BRA',
  currency: 'BRL',
  paymentMethod: null as string | string[] | null,
  paymentSettings: null as unknown[] | null,
  amount: 250000,
  ...extra,
});

describe('availableMethods', () => {
  it.each([
    [session(), null, ['pix', 'boleto', 'bank_transfer', 'picpay', 'card']],
    [session({ paymentMethod: 'pix' }), null, ['pix']],
    [session({ paymentMethod: ['card', 'boleto'] }), null, ['boleto', 'card']],
    [session(), ['card', 'pix'], ['pix', 'card']],
    [session({ country: 'MEX', currency: 'MXN' }), null, ['spei', 'oxxo', 'card']],
    [session({ currency: 'USD' }), null, ['card']],
    [session({ country: 'XXX' }), null, []],
  ])('%# offers what the country, the restriction and the merchant allow', (s, enabled, expected) => {
    expect(availableMethods(s, enabled)).toEqual(expected);
  });
});

describe('quoteMethod', () => {
  it("applies seed 004's PIX discount and offers card installments with interest", () => {
    const s = session({
      paymentSettings: [
        { payment_type: 'pix', discount: 10 },
        { payment_type: 'card', max_installments: 5, max_installments_interest: 12, interest: 1.99 },
      ],
    });
    expect(quoteMethod(s, 'pix')).toMatchObject({ amount: 225000, adjustment: -25000 });
    const card = quoteMethod(s, 'card');
    expect(card.amount).toBe(250000);
    expect(card.installments.map((p) => p.count)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(card.installments[4]).toMatchObject({ withInterest: false, total: 250000 });
    expect(card.installments[11]).toMatchObject({
      withInterest: true,
      installmentAmounts: Array(12).fill(23625),
      total: 283500,
    });
    expect(quoteMethod(s, 'boleto')).toMatchObject({ amount: 250000, adjustment: 0, installments: [] });
  });

  it('never quotes less than one minor unit, whatever the discount', () => {
    const s = session({ amount: 1, paymentSettings: [{ payment_type: 'pix', discount: 50 }] });
    expect(quoteMethod(s, 'pix')).toMatchObject({ amount: 1, adjustment: 0 });
    const free = session({ amount: 500, paymentSettings: [{ payment_type: 'pix', discount: 100 }] });
    expect(quoteMethod(free, 'pix')).toMatchObject({ amount: 1, adjustment: -499 });
  });
});
