/**
 * Per-method pricing from seed 004's `payments_settings`: discount or addition, card installments with
 * and without interest, boleto fine and interest, boleto due and void dates.
 *
 * Units. Every amount in and out is an integer count of minor units (centavos, centavos de peso, pesos
 * chilenos), so the functions are currency-agnostic and honour the ISO 4217 exponent by construction:
 * for CLP (exponent 0) the minor unit is the peso itself and results round to whole pesos. The only
 * conversion from major units is in boletoTerms, where seed 004 gives fixed values in R$ (boleto is a
 * BRL-only method), using BRL's exponent.
 *
 * THE rounding rule, used for every money quantity computed here: the exact rational result is rounded
 * to the nearest minor unit, ties (exactly .5) going up, i.e. away from zero, since every quantity
 * rounded here (a percentage of an amount, an installment, a daily interest) is non-negative; a
 * discount's sign is applied after rounding its magnitude. Nothing goes through floating point:
 * merchant percentages are read as the exact decimal they were written as (1.99 is 199/100, never
 * 1.9899999…), and every product, quotient and power is computed with BigInt rationals.
 */

/** Seed 004's pricing fields for one method; percentages as the merchant sent them (1.99 means 1.99 %). */
export type MethodPricing = {
  discount?: number;
  addition?: number;
  max_installments?: number;
  max_installments_interest?: number;
  interest?: number;
};

/** A non-negative rational num/den with den > 0. */
type Ratio = { num: bigint; den: bigint };

/**
 * The exact decimal a JS number was written as. String() gives the shortest text that round-trips to
 * the same double, which is what the merchant's JSON said (for up to 17 significant digits), so 1.99
 * becomes 199/100 and not the binary approximation 1.98999999999999999112…
 */
export function exactDecimal(value: number, field: string): Ratio {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${field} must be a finite number >= 0`);
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(value));
  if (match === null) throw new RangeError(`${field} is not a plain decimal: ${value}`);
  const [, whole = '0', fraction = '', exp = '0'] = match;
  const scale = fraction.length - Number(exp);
  const digits = BigInt(whole + fraction);
  return scale >= 0
    ? { num: digits, den: 10n ** BigInt(scale) }
    : { num: digits * 10n ** BigInt(-scale), den: 1n };
}

export function percent(value: number | undefined, field: string): Ratio {
  if (value === undefined) return { num: 0n, den: 1n };
  const r = exactDecimal(value, field);
  if (r.num > 100n * r.den) throw new RangeError(`${field} must be between 0 and 100`);
  return r;
}

/** THE rounding rule: nearest integer, ties up; num >= 0, den > 0. floor(num/den + 1/2) exactly. */
export function roundHalfUp(num: bigint, den: bigint): bigint {
  return (2n * num + den) / (2n * den);
}

export function toSafeNumber(value: bigint, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} exceeds the safe integer range`);
  return n;
}

export function checkAmount(amount: number): bigint {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError('amount must be a non-negative integer of minor units');
  }
  return BigInt(amount);
}

/**
 * The session amount after the method's discount or addition. The adjustment is the percentage of the
 * amount rounded by the module's rule (half up, on its magnitude), so a discount of 10 % on 5 minor
 * units is 1, not 0: ties favour the customer on a discount and the merchant on an addition.
 * `adjustment` is signed (negative for a discount) and `amount` (the result) is the input amount plus
 * `adjustment`, exactly. Seed 004 forbids a discount and an addition together; both set throws.
 */
export function adjustedAmount(amount: number, p: MethodPricing): { amount: number; adjustment: number } {
  const base = checkAmount(amount);
  const discount = percent(p.discount, 'discount');
  const addition = percent(p.addition, 'addition');
  if (discount.num > 0n && addition.num > 0n) {
    throw new RangeError('a method has either a discount or an addition, not both');
  }
  const pct = discount.num > 0n ? discount : addition;
  const magnitude = roundHalfUp(base * pct.num, pct.den * 100n);
  const adjustment = discount.num > 0n ? -magnitude : magnitude;
  return { amount: toSafeNumber(base + adjustment, 'adjusted amount'), adjustment: Number(adjustment) };
}

/**
 * One way of paying in installments. `installmentAmounts` are minor units and add up exactly to
 * `total`; `interestTotal` is `total` minus the amount financed; `monthlyRate` is the monthly interest
 * as a PERCENT (1.99 for 1.99 % a.m., the way the checkout prints it), 0 when `withInterest` is false.
 */
export type InstallmentPlan = {
  count: number;
  installmentAmounts: number[];
  total: number;
  interestTotal: number;
  monthlyRate: number;
  withInterest: boolean;
};

const MAX_COUNT = 12;

function checkCount(value: number | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1 || value > MAX_COUNT) {
    throw new RangeError(`${field} must be an integer between 1 and ${MAX_COUNT}`);
  }
  return value;
}

/** Interest-free split: floor(amount / n) each, the leftover minor units one each to the first ones. */
function split(amount: number, count: number): number[] {
  const base = Math.floor(amount / count);
  const extra = amount - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < extra ? 1 : 0));
}

function interestFreePlan(amount: number, count: number): InstallmentPlan {
  return {
    count,
    installmentAmounts: split(amount, count),
    total: amount,
    interestTotal: 0,
    monthlyRate: 0,
    withInterest: false,
  };
}

/**
 * Price-table (French amortization) installment, exactly: with i = a/b,
 *   PMT = PV·i / (1 − (1 + i)^−n) = PV·a·(a + b)^n / (b·((a + b)^n − b^n)),
 * a rational with n <= 12, so BigInt computes it with no approximation at all (no float power whose
 * error would have to be bounded), then rounds it once by the module's rule.
 */
function priceTableInstallment(amount: bigint, rate: Ratio, count: number): bigint {
  const a = rate.num;
  const b = rate.den;
  const n = BigInt(count);
  const grown = (a + b) ** n;
  return roundHalfUp(amount * a * grown, b * (grown - b ** n));
}

/**
 * The installment plans a card payment of `amount` minor units may be split into, by count ascending.
 *
 * `amount` is what the customer pays before installment interest, i.e. already through adjustedAmount;
 * discount and addition in `p` are ignored here so they can never be applied twice.
 *
 * - Counts 1..max_installments (default 1) are interest-free: total = amount, split exactly (floor
 *   division, the leftover minor units one each to the first installments: 10000 in 3 is 3334, 3333,
 *   3333).
 * - If max_installments_interest > max_installments (otherwise it is ignored, as seed 004 says), counts
 *   max_installments+1..max_installments_interest carry the monthly `interest` by the Price table.
 *   Every installment is round(PMT) by the module's rule and total = n × round(PMT), so the installments
 *   add up to the total printed; the published vector is R$ 10,000.00 at 10 % a month in 4 installments:
 *   4 × R$ 3,154.71 = R$ 12,618.84. One guard: an installment is never less than the largest
 *   interest-free installment ceil(amount / n), because at tiny rates rounding PMT down could otherwise
 *   make the "with interest" total smaller than the amount itself.
 * - With `interest` 0 those counts are interest-free splits. With `interest` absent they are not offered:
 *   the rate would come from the merchant's panel, which Borda does not have, and guessing 0 would give
 *   away the interest.
 * - A count n is offered only when amount >= n, so no installment is ever zero minor units (count 1 is
 *   always offered).
 */
export function installmentPlans(amount: number, p: MethodPricing): InstallmentPlan[] {
  const pv = checkAmount(amount);
  const maxFree = checkCount(p.max_installments, 'max_installments') ?? 1;
  const maxWithInterest = checkCount(p.max_installments_interest, 'max_installments_interest') ?? 0;
  const rate = p.interest === undefined ? undefined : percent(p.interest, 'interest');
  const offered = (count: number) => count === 1 || amount >= count;

  const plans: InstallmentPlan[] = [];
  for (let count = 1; count <= maxFree; count++) {
    if (offered(count)) plans.push(interestFreePlan(amount, count));
  }
  if (rate === undefined) return plans;
  const monthly: Ratio = { num: rate.num, den: rate.den * 100n };
  for (let count = maxFree + 1; count <= maxWithInterest; count++) {
    if (!offered(count)) continue;
    if (monthly.num === 0n) {
      plans.push(interestFreePlan(amount, count));
      continue;
    }
    const n = BigInt(count);
    const floorInstallment = (pv + n - 1n) / n;
    const pmt = priceTableInstallment(pv, monthly, count);
    const installment = pmt > floorInstallment ? pmt : floorInstallment;
    const total = toSafeNumber(installment * n, 'installment total');
    plans.push({
      count,
      installmentAmounts: Array.from({ length: count }, () => Number(installment)),
      total,
      interestTotal: total - amount,
      monthlyRate: p.interest ?? 0,
      withInterest: true,
    });
  }
  return plans;
}
