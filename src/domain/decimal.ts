import { CURRENCIES, type Currency } from './money';

export type DecimalProblem = 'not_a_number' | 'too_many_decimals' | 'not_positive' | 'too_big';

/**
 * A decimal amount as the seed dialects send it (150.00, 19.99) to integer minor units, exactly:
 * the number's shortest decimal text is split into whole and fraction digits, never multiplied as a
 * float. More fraction digits than the currency has (0.5 CLP, 1.001 BRL) is a problem, not a rounding.
 */
export function decimalToMinor(
  value: number,
  currency: Currency,
): { minor: number } | { problem: DecimalProblem } {
  if (!Number.isFinite(value)) return { problem: 'not_a_number' };
  if (value <= 0) return { problem: 'not_positive' };
  const text = String(value);
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return { problem: text.includes('e') ? 'too_big' : 'not_a_number' };
  const exponent = CURRENCIES[currency].exponent;
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return { problem: 'too_many_decimals' };
  const minor = Number(`${match[1]}${fraction.padEnd(exponent, '0')}`);
  if (!Number.isSafeInteger(minor)) return { problem: 'too_big' };
  return { minor };
}

/** Integer minor units back to the decimal literal a seed dialect prints (15000 BRL -> "150.00"). */
export function minorToDecimalLiteral(minor: number, currency: Currency): string {
  const exponent = CURRENCIES[currency].exponent;
  if (exponent === 0) return String(minor);
  const digits = String(minor).padStart(exponent + 1, '0');
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
