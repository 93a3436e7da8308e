import { minorToDecimalLiteral } from '../../domain/decimal';
import type { Mode } from '../../domain/tenant';

/** A non-negative decimal held exactly: `units / 10^scale` ('5.4321' is 54321n at scale 4). */
export type ExactDecimal = { units: bigint; scale: number; text: string };

/** Seed 003's worker settings, as wrangler vars (decimal strings, never floats). */
/** SEED003_USD_BRL_RATE and SEED003_FEE_PERCENT, as the operator set them. */
export type Seed003Vars = { usdBrlRate?: string; feePercent?: string };

/**
 * Test keys move no money, so an unset rate there falls back to this sandbox rate and USD requests can
 * be tried before the operator configures one; live keys never invent a rate (USD is refused instead).
 */
export const TEST_MODE_DEFAULT_RATE = '5.00';
/** An unset fee charges nothing rather than a made-up amount. */
export const DEFAULT_FEE_PERCENT = '0';

export function parseExactDecimal(text: string, maxIntDigits: number, maxScale: number): ExactDecimal | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return null;
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (whole.length > maxIntDigits || fraction.length > maxScale) return null;
  return { units: BigInt(`${whole}${fraction}`), scale: fraction.length, text: text.trim() };
}

export type Seed003Settings = { rate: ExactDecimal | null; feePercent: ExactDecimal };

/**
 * The exchange rate and fee from the Worker's settings. A value that is set but malformed is an operator
 * mistake: it throws (a 500 with a request id) instead of charging customers with a guessed number.
 */
export function seed003Settings(vars: Seed003Vars, mode: Mode): Seed003Settings {
  const rateText = vars.usdBrlRate?.trim() || (mode === 'test' ? TEST_MODE_DEFAULT_RATE : '');
  const feeText = vars.feePercent?.trim() || DEFAULT_FEE_PERCENT;
  const rate = rateText ? parseExactDecimal(rateText, 6, 8) : null;
  if (rateText && (!rate || rate.units === 0n))
    throw new Error('SEED003_USD_BRL_RATE is not a positive decimal');
  const feePercent = parseExactDecimal(feeText, 3, 4);
  if (!feePercent || feePercent.units > 100n * 10n ** BigInt(feePercent.scale)) {
    throw new Error('SEED003_FEE_PERCENT is not a decimal between 0 and 100');
  }
  return { rate, feePercent };
}

/** Round-half-up division of non-negative integers (all amounts here are positive). */
function divHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

export type Seed003Values = {
  /** BRL cents: subtotal plus fee, what the customer pays and the canonical session's amount. */
  totalCents: bigint;
  subtotalCents: bigint;
  feeCents: bigint;
  /** The rate applied, as configured ("1" when the amount already is BRL). */
  exchange: string;
};

/**
 * Seed 003's amount (cents of USD or BRL) to what the customer is charged in BRL, exactly:
 * subtotal = amount × rate, rounded half up to the cent; fee = subtotal × fee% (on the rounded
 * subtotal), rounded half up to the cent; total = subtotal + fee. BRL skips the conversion only.
 */
export function seed003Values(
  amountCents: bigint,
  currency: 'USD' | 'BRL',
  settings: { rate: ExactDecimal; feePercent: ExactDecimal } | { rate: null; feePercent: ExactDecimal },
): Seed003Values {
  let subtotalCents = amountCents;
  let exchange = '1';
  if (currency === 'USD') {
    if (!settings.rate) throw new Error('no exchange rate');
    subtotalCents = divHalfUp(amountCents * settings.rate.units, 10n ** BigInt(settings.rate.scale));
    exchange = settings.rate.text;
  }
  const fee = settings.feePercent;
  const feeCents = divHalfUp(subtotalCents * fee.units, 100n * 10n ** BigInt(fee.scale));
  return { totalCents: subtotalCents + feeCents, subtotalCents, feeCents, exchange };
}

/** BRL cents as seed 003 prints values: a dot and two decimals ("1630.23"). */
export function centsText(cents: bigint): string {
  return minorToDecimalLiteral(Number(cents), 'BRL');
}
