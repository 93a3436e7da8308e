import { describe, expect, it } from 'vitest';
import { missingCustomerFields, paymentSettingsWithDefaults } from '../../src/domain/session-defaults';

const BOLETO = {
  boleto_due_days: 5,
  boleto_void_days: 20,
  boleto_charge_fine: true,
  boleto_fine_type: 'percentage' as const,
  boleto_fine_amount: 2,
  discount: 5,
};
const CARD = { max_installments: 3, max_installments_interest: 6, interest: 1.99 };

describe('paymentSettingsWithDefaults', () => {
  it('gives a request without settings the card and boleto defaults, and null when there are none', () => {
    expect(paymentSettingsWithDefaults(undefined, { card: CARD, boleto: BOLETO })).toEqual([
      { payment_type: 'card', ...CARD },
      { payment_type: 'boleto', ...BOLETO },
    ]);
    expect(paymentSettingsWithDefaults(undefined, { card: null, boleto: null })).toBeNull();
    expect(paymentSettingsWithDefaults(undefined, { card: null, boleto: {} })).toBeNull();
  });

  it("keeps the request's own values, filling each group it leaves out", () => {
    const out = paymentSettingsWithDefaults(
      [
        { payment_type: 'boleto', boleto_due_date: '2030-01-10', addition: 1 },
        { payment_type: 'card', max_installments: 2 },
        { payment_type: 'pix', discount: 10 },
      ],
      { card: CARD, boleto: BOLETO },
    );
    expect(out).toEqual([
      {
        payment_type: 'boleto',
        boleto_due_date: '2030-01-10',
        addition: 1,
        boleto_void_days: 20,
        boleto_charge_fine: true,
        boleto_fine_type: 'percentage',
        boleto_fine_amount: 2,
      },
      // max_installments_interest goes only with the request's own plan (seed 004).
      { payment_type: 'card', max_installments: 2, interest: 1.99 },
      { payment_type: 'pix', discount: 10 },
    ]);
  });

  it('a fine the request turns off stays off', () => {
    const [boleto] =
      paymentSettingsWithDefaults([{ payment_type: 'boleto', boleto_charge_fine: false }], {
        card: null,
        boleto: BOLETO,
      }) ?? [];
    expect(boleto).toMatchObject({ boleto_charge_fine: false });
    expect(boleto).not.toHaveProperty('boleto_fine_amount');
  });
});

describe('missingCustomerFields', () => {
  const br = { country: 'BRA', currency: 'BRL', customer: null };
  it('names the required fields neither the payment nor the session carries', () => {
    expect(missingCustomerFields(['phone', 'document'], br, { name: 'M', email: 'm@x.com' })).toEqual([
      'document',
      'phone',
    ]);
    expect(missingCustomerFields(['phone'], { ...br, customer: { phone: '+5511987654321' } }, {})).toEqual(
      [],
    );
    expect(missingCustomerFields(['phone'], br, { phone: '  ' })).toEqual(['phone']);
    expect(missingCustomerFields(null, br, {})).toEqual([]);
  });
  it('does not require a document where the country has none', () => {
    expect(
      missingCustomerFields(['document'], { country: 'MEX', currency: 'MXN', customer: null }, {}),
    ).toEqual([]);
  });
});
