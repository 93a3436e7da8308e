import { describe, expect, it } from 'vitest';
import { boletoTerms, dueDate, voidDate } from '../../src/domain/boleto-terms';
import { MAX_AMOUNT } from '../../src/domain/money';
import {
  adjustedAmount,
  type InstallmentPlan,
  installmentPlans,
  type MethodPricing,
} from '../../src/domain/pricing';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('adjustedAmount', () => {
  it.each<[number, MethodPricing, number, number, string]>([
    // [amount, settings, adjusted, adjustment, why]
    [250000, { discount: 10 }, 225000, -25000, 'seed 004 example 3: R$ 2,500 with 10 % off by pix'],
    [19990, { addition: 5 }, 20990, 1000, 'tie 999.5 rounds up to 1000'],
    [5, { discount: 10 }, 4, -1, 'tie 0.5 on a discount: its magnitude rounds up'],
    [5, { addition: 10 }, 6, 1, 'tie 0.5 on an addition rounds up'],
    [14, { discount: 10 }, 13, -1, '1.4 rounds down'],
    [16, { addition: 10 }, 18, 2, '1.6 rounds up'],
    [250000, { discount: 1.99 }, 245025, -4975, '1.99 % exactly'],
    [5000, { addition: 1.99 }, 5100, 100, '1.99 % of 5000 is the tie 99.5'],
    [3000, { addition: 1.15 }, 3035, 35, 'float gives 34.49999999999999; exact is the tie 34.5'],
    [1000, { discount: 0.35 }, 996, -4, 'float 1000 * 0.0035 gives 3.4999…; exact is the tie 3.5'],
    [10000, { addition: 1.005 }, 10101, 101, 'float gives 100.49999999999999; exact 100.5'],
    [19990, { discount: 100 }, 0, -19990, 'a 100 % discount is free'],
    [19990, { addition: 100 }, 39980, 19990, 'a 100 % addition doubles'],
    [MAX_AMOUNT, { addition: 100 }, 2 * MAX_AMOUNT, MAX_AMOUNT, 'largest amount stays exact'],
    [1990, { addition: 2.5 }, 2040, 50, 'CLP: 49.75 pesos round to whole pesos'],
    [1999, { discount: 10 }, 1799, -200, 'CLP: 199.9 pesos round to 200'],
    [0, { discount: 10 }, 0, 0, 'zero amount'],
  ])('%i with %o -> %i (%i): %s', (amount, settings, adjusted, adjustment) => {
    const out = adjustedAmount(amount, settings);
    expect(out).toEqual({ amount: adjusted, adjustment });
    expect(amount + out.adjustment).toBe(out.amount);
  });

  it('returns the amount unchanged, with a +0 (not -0) adjustment, when nothing applies', () => {
    expect(adjustedAmount(12345, {})).toEqual({ amount: 12345, adjustment: 0 });
    expect(Object.is(adjustedAmount(12345, { discount: 0 }).adjustment, 0)).toBe(true);
    // 10 % of 4 is 0.4, rounded to 0: the discount vanishes and must not become -0.
    expect(Object.is(adjustedAmount(4, { discount: 10 }).adjustment, 0)).toBe(true);
    expect(adjustedAmount(4, { discount: 10 }).amount).toBe(4);
  });

  it('ignores the installment fields', () => {
    expect(
      adjustedAmount(1000, { max_installments: 12, max_installments_interest: 12, interest: 50 }),
    ).toEqual({
      amount: 1000,
      adjustment: 0,
    });
  });

  it.each([
    [100, { discount: 10, addition: 5 }, /either a discount or an addition/],
    [100, { discount: 100.01 }, /between 0 and 100/],
    [100, { addition: -1 }, />= 0/],
    [100, { discount: Number.NaN }, />= 0/],
    [-1, { discount: 10 }, /non-negative integer/],
    [10.5, { discount: 10 }, /non-negative integer/],
    [Number.MAX_SAFE_INTEGER + 1, {}, /non-negative integer/],
  ])('rejects %d with %o', (amount, settings, message) => {
    expect(() => adjustedAmount(amount, settings)).toThrow(message);
  });
});

describe('installmentPlans without interest', () => {
  it('offers a single installment by default', () => {
    expect(installmentPlans(19990, {})).toEqual([
      {
        count: 1,
        installmentAmounts: [19990],
        total: 19990,
        interestTotal: 0,
        monthlyRate: 0,
        withInterest: false,
      },
    ]);
  });

  it('splits with the leftover minor units on the first installments', () => {
    const plans = installmentPlans(10000, { max_installments: 3 });
    expect(plans.map((p) => p.installmentAmounts)).toEqual([[10000], [5000, 5000], [3334, 3333, 3333]]);
    expect(installmentPlans(10001, { max_installments: 3 })[2]?.installmentAmounts).toEqual([
      3334, 3334, 3333,
    ]);
    expect(installmentPlans(19990, { max_installments: 12 })[11]?.installmentAmounts).toEqual([
      1666, 1666, 1666, 1666, 1666, 1666, 1666, 1666, 1666, 1666, 1665, 1665,
    ]);
  });

  it('adds up exactly for every count and many amounts', () => {
    for (const amount of [1, 12, 13, 99, 1000, 19990, 250000, 9_999_999_999]) {
      const plans = installmentPlans(amount, { max_installments: 12 });
      expect(plans.length).toBe(Math.min(12, amount));
      for (const p of plans) {
        expect(p.withInterest).toBe(false);
        expect(p.total).toBe(amount);
        expect(p.interestTotal).toBe(0);
        expect(p.installmentAmounts).toHaveLength(p.count);
        expect(sum(p.installmentAmounts)).toBe(amount);
        const max = Math.max(...p.installmentAmounts);
        expect(max - Math.min(...p.installmentAmounts)).toBeLessThanOrEqual(1);
        expect(p.installmentAmounts[0]).toBe(max);
      }
    }
  });

  it('splits CLP (exponent 0) into whole pesos', () => {
    const plans = installmentPlans(10000, { max_installments: 6 });
    expect(plans[5]?.installmentAmounts).toEqual([1667, 1667, 1667, 1667, 1666, 1666]);
  });

  it('never offers an installment of zero minor units', () => {
    expect(installmentPlans(2, { max_installments: 3 }).map((p) => p.count)).toEqual([1, 2]);
    expect(installmentPlans(0, { max_installments: 3 }).map((p) => p.installmentAmounts)).toEqual([[0]]);
    expect(
      installmentPlans(5, { max_installments: 3, max_installments_interest: 12, interest: 2 }).map(
        (p) => p.count,
      ),
    ).toEqual([1, 2, 3, 4, 5]);
  });

  it('ignores discount and addition (the caller passes the adjusted amount)', () => {
    expect(installmentPlans(1000, { discount: 50 })[0]?.total).toBe(1000);
  });
});

describe('installmentPlans with interest (Price table)', () => {
  it('matches the published vector: R$ 10,000.00 at 10 % a month in 4 is 4 × R$ 3,154.71', () => {
    const plans = installmentPlans(1_000_000, {
      max_installments: 3,
      max_installments_interest: 4,
      interest: 10,
    });
    const published: InstallmentPlan = {
      count: 4,
      installmentAmounts: [315471, 315471, 315471, 315471],
      total: 1261884,
      interestTotal: 261884,
      monthlyRate: 10,
      withInterest: true,
    };
    expect(plans).toHaveLength(4);
    expect(plans[3]).toEqual(published);
  });

  it('prices seed 004 example 3: R$ 2,500 in 5× without interest or up to 12× at 1.99 % a month', () => {
    const plans = installmentPlans(250000, {
      max_installments: 5,
      max_installments_interest: 12,
      interest: 1.99,
    });
    expect(plans.map((p) => [p.count, p.withInterest])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, false],
      [5, false],
      [6, true],
      [7, true],
      [8, true],
      [9, true],
      [10, true],
      [11, true],
      [12, true],
    ]);
    // Installments from exact rational arithmetic (Python fractions), PMT before rounding in the comment.
    const expected: Record<number, number> = {
      6: 44616, // 44616.392…
      7: 38613, // 38613.142…
      8: 34113, // 34112.742…
      9: 30614, // 30614.243…
      10: 27817, // 27817.072…
      11: 25530, // 25529.957…
      12: 23625, // 23625.383…
    };
    for (const p of plans.filter((x) => x.withInterest)) {
      expect(p.installmentAmounts[0]).toBe(expected[p.count]);
      expect(p.monthlyRate).toBe(1.99);
    }
  });

  it('adds up to total = n × installment for counts 2..12 at many rates, each within half a unit of PMT', () => {
    const rates = [0.01, 0.5, 1, 1.99, 2.49, 3.5, 5, 10, 25, 50, 99.99, 100];
    const amounts = [13, 999, 19990, 250000, 1_000_000, 123_456_789, MAX_AMOUNT];
    for (const interest of rates) {
      for (const amount of amounts) {
        const plans = installmentPlans(amount, {
          max_installments: 1,
          max_installments_interest: 12,
          interest,
        });
        expect(plans).toHaveLength(12);
        for (const p of plans.slice(1)) {
          const [first] = p.installmentAmounts;
          if (first === undefined) throw new Error('empty plan');
          expect(p.withInterest).toBe(true);
          expect(p.installmentAmounts).toEqual(Array(p.count).fill(first));
          expect(sum(p.installmentAmounts)).toBe(p.total);
          expect(p.total).toBe(p.count * first);
          expect(p.interestTotal).toBe(p.total - amount);
          expect(p.total).toBeGreaterThanOrEqual(amount);
          expect(Number.isSafeInteger(p.total)).toBe(true);
          // Independent float oracle: far from a tie, the exact installment is round(PMT) or the guard.
          const i = interest / 100;
          const pmt = (amount * i) / (1 - (1 + i) ** -p.count);
          const guard = Math.ceil(amount / p.count);
          expect(Math.abs(first - Math.max(pmt, guard))).toBeLessThanOrEqual(0.5 + pmt * 1e-12);
        }
      }
    }
  });

  it('never charges less than the interest-free price at a tiny rate', () => {
    // PMT = 83.387…, which rounds to 83 and would total 996 < 1000; the guard lifts it to ceil(1000 / 12).
    const plan = installmentPlans(1000, {
      max_installments: 1,
      max_installments_interest: 12,
      interest: 0.01,
    })[11];
    expect(plan?.installmentAmounts[0]).toBe(84);
    expect(plan?.total).toBe(1008);
    expect(plan?.interestTotal).toBe(8);
  });

  it('stays exact at the extremes: MAX_AMOUNT at 100 % a month in 12', () => {
    // PMT = PV · 4096 / 4095 = 10002442000.9997…
    const plan = installmentPlans(MAX_AMOUNT, {
      max_installments: 11,
      max_installments_interest: 12,
      interest: 100,
    })[11];
    expect(plan?.installmentAmounts[0]).toBe(10002442001);
    expect(plan?.total).toBe(120029304012);
  });

  it.each([
    [{ max_installments: 6, max_installments_interest: 4, interest: 2 }, 6],
    [{ max_installments: 6, max_installments_interest: 6, interest: 2 }, 6],
  ])('ignores max_installments_interest <= max_installments: %o', (settings, count) => {
    const plans = installmentPlans(10000, settings);
    expect(plans).toHaveLength(count);
    expect(plans.every((p) => !p.withInterest && p.total === 10000)).toBe(true);
  });

  it('treats interest 0 as interest-free splits', () => {
    const plans = installmentPlans(10000, { max_installments: 2, max_installments_interest: 3, interest: 0 });
    expect(plans[2]).toEqual({
      count: 3,
      installmentAmounts: [3334, 3333, 3333],
      total: 10000,
      interestTotal: 0,
      monthlyRate: 0,
      withInterest: false,
    });
  });

  it('does not offer the interest counts when the rate is absent', () => {
    expect(installmentPlans(10000, { max_installments: 2, max_installments_interest: 6 })).toHaveLength(2);
  });

  it('starts the interest counts after the default of 1 when max_installments is absent', () => {
    const plans = installmentPlans(10000, { max_installments_interest: 3, interest: 1 });
    expect(plans.map((p) => p.withInterest)).toEqual([false, true, true]);
    // 10000 · 0.01 / (1 − 1.01^−2) = 5075.124…
    expect(plans[1]?.installmentAmounts).toEqual([5075, 5075]);
  });

  it.each([
    [{ max_installments: 0 }, /max_installments must/],
    [{ max_installments: 13 }, /max_installments must/],
    [{ max_installments: 2.5 }, /max_installments must/],
    [{ max_installments_interest: 13, interest: 1 }, /max_installments_interest must/],
    [{ max_installments_interest: 12, interest: 101 }, /interest must be between 0 and 100/],
  ])('rejects %o', (settings, message) => {
    expect(() => installmentPlans(1000, settings)).toThrow(message);
  });
});

describe('boletoTerms', () => {
  it('charges nothing when the flags are off or absent', () => {
    const none = { fineCents: null, interestPerDayCents: null, interestMonthlyPercent: null };
    expect(boletoTerms(50000, {})).toEqual(none);
    expect(
      boletoTerms(50000, {
        boleto_charge_fine: false,
        boleto_fine_type: 'percentage',
        boleto_fine_amount: 10,
        boleto_charge_interest: false,
        boleto_interest_type: 'fixed',
        boleto_interest_amount: 1,
      }),
    ).toEqual(none);
  });

  it.each<[number, 'fixed' | 'percentage', number, number, string]>([
    [50000, 'percentage', 10, 5000, 'seed 004 example 2: 10 % of R$ 500'],
    [19990, 'percentage', 2, 400, '2 % of R$ 199.90 is 399.8'],
    [12345, 'percentage', 2, 247, '246.9'],
    [125, 'percentage', 2, 3, 'tie 2.5 rounds up'],
    [50000, 'fixed', 10.5, 1050, 'seed 004: R$ 10.50'],
    [50000, 'fixed', 0.29, 29, 'R$ 0.29, which float turns into 28.999999999999996 cents'],
    [50000, 'fixed', 1.005, 101, 'a third decimal rounds half up'],
  ])('fine on %i: %s %d -> %i cents (%s)', (amount, type, value, cents) => {
    const terms = boletoTerms(amount, {
      boleto_charge_fine: true,
      boleto_fine_type: type,
      boleto_fine_amount: value,
    });
    expect(terms).toEqual({ fineCents: cents, interestPerDayCents: null, interestMonthlyPercent: null });
  });

  it.each([
    [50000, 1.99, 33, 'R$ 500 at 1.99 % a month: 995 / 30 = 33.17 a day'],
    [4500, 1, 2, 'tie 1.5 rounds up'],
    [300000, 1, 100, 'R$ 3,000 at 1 % a month is R$ 1.00 a day'],
    [100, 1, 0, 'under half a cent a day rounds to 0'],
  ])('monthly interest on %i at %d %% -> %i cents a day (%s)', (amount, pct, perDay) => {
    const terms = boletoTerms(amount, {
      boleto_charge_interest: true,
      boleto_interest_type: 'percentage',
      boleto_interest_amount: pct,
    });
    expect(terms).toEqual({ fineCents: null, interestPerDayCents: perDay, interestMonthlyPercent: pct });
  });

  it('prints a fixed daily interest in cents, with no monthly percent', () => {
    const terms = boletoTerms(50000, {
      boleto_charge_fine: true,
      boleto_fine_type: 'fixed',
      boleto_fine_amount: 2,
      boleto_charge_interest: true,
      boleto_interest_type: 'fixed',
      boleto_interest_amount: 0.33,
    });
    expect(terms).toEqual({ fineCents: 200, interestPerDayCents: 33, interestMonthlyPercent: null });
  });

  it('charges nothing when a flag is on but its type or value is missing', () => {
    expect(
      boletoTerms(50000, { boleto_charge_fine: true, boleto_fine_type: 'percentage' }).fineCents,
    ).toBeNull();
    expect(boletoTerms(50000, { boleto_charge_interest: true, boleto_interest_amount: 1 })).toEqual({
      fineCents: null,
      interestPerDayCents: null,
      interestMonthlyPercent: null,
    });
  });
});

describe('dueDate and voidDate', () => {
  it.each([
    ['2026-01-30', { boleto_due_days: 3 }, '2026-02-02'],
    ['2026-12-30', { boleto_due_days: 3 }, '2027-01-02'],
    ['2028-02-27', { boleto_due_days: 3 }, '2028-03-01'],
    ['2027-02-27', { boleto_due_days: 3 }, '2027-03-02'],
    ['2026-03-28', { boleto_due_days: 2 }, '2026-03-30'],
    ['2026-05-10', { boleto_due_days: 0 }, '2026-05-10'],
    ['2026-05-10', { boleto_due_days: 999 }, '2029-02-02'],
    ['2026-05-10', {}, '2026-05-13'],
    ['2026-05-10', { boleto_due_date: '2026-06-15' }, '2026-06-15'],
    ['2026-05-10', { boleto_due_date: '2028-02-29' }, '2028-02-29'],
  ])('issued %s with %o is due %s', (issued, settings, due) => {
    expect(dueDate(issued, settings)).toBe(due);
  });

  it('uses the given default when the settings name no due date', () => {
    expect(dueDate('2026-05-10', {}, 5)).toBe('2026-05-15');
    expect(dueDate('2026-05-10', { boleto_due_days: 1 }, 5)).toBe('2026-05-11');
  });

  it('voids 30 days after the due date by default', () => {
    expect(voidDate('2026-01-31')).toBe('2026-03-02');
    expect(voidDate('2028-01-31')).toBe('2028-03-01');
    expect(voidDate('2026-02-02', 1)).toBe('2026-02-03');
    expect(voidDate('2026-12-15', 60)).toBe('2027-02-13');
  });

  it.each([
    [() => dueDate('2026-02-30', {}), /not a real date/],
    [() => dueDate('2026-5-10', {}), /yyyy-mm-dd/],
    [() => dueDate('2026-05-10', { boleto_due_date: '2026-13-01' }), /not a real date/],
    [() => dueDate('2026-05-10', { boleto_due_days: -1 }), />= 0/],
    [() => voidDate('2026-05-10', 1.5), />= 0/],
    [() => voidDate('9999-12-31', 1), /past year 9999/],
  ])('rejects bad input %#', (call, message) => {
    expect(call).toThrow(message);
  });
});
