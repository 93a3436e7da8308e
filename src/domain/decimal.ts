import { CURRENCIES, type Currency } from './money';

export type DecimalProblem = 'not_a_number' | 'too_many_decimals' | 'not_positive' | 'too_big';

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * A decimal amount as the seed dialects send it (150.00, 19.99) to integer minor units, exactly,
 * from the number's text as the client wrote it in the JSON (see `jsonMemberText`): the digits are
 * shifted, never multiplied as a float, and never rounded by a parse. A nonzero digit past the
 * currency's decimals (0.5 CLP, 1.001 BRL, 150.00999999999999999 BRL) is a problem, however close a
 * float would have come; trailing zeros are not (150.000 is 150.00).
 */
export function decimalTextToMinor(
  text: string,
  currency: Currency,
): { minor: number } | { problem: DecimalProblem } {
  const match = NUMBER_TEXT.exec(text.trim());
  if (!match) return { problem: 'not_a_number' };
  const [, sign, whole = '', fraction = '', exp = '0'] = match;
  const shift = Number(exp);
  if (!Number.isSafeInteger(shift) || Math.abs(shift) > 400) return { problem: 'too_big' };
  // Move the point: digits is every significant digit, point is where the decimal point sits in it.
  const digits = `${whole}${fraction}`;
  const point = whole.length + shift;
  const exponent = CURRENCIES[currency].exponent;
  const intPart = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0');
  const fracPart = (point < 0 ? '0'.repeat(-point) + digits : digits.slice(Math.max(point, 0))).replace(
    /0+$/,
    '',
  );
  if (/^0*$/.test(intPart) && fracPart === '') return { problem: 'not_positive' };
  if (sign === '-') return { problem: 'not_positive' };
  if (fracPart.length > exponent) return { problem: 'too_many_decimals' };
  const minorText = `${intPart}${fracPart.padEnd(exponent, '0')}`.replace(/^0+(?=\d)/, '');
  if (minorText.length > 16 || !Number.isSafeInteger(Number(minorText))) return { problem: 'too_big' };
  return { minor: Number(minorText) };
}

/** The same, for a number already parsed (its shortest round-trip text is what is converted). */
export function decimalToMinor(
  value: number,
  currency: Currency,
): { minor: number } | { problem: DecimalProblem } {
  if (!Number.isFinite(value)) return { problem: 'not_a_number' };
  if (value <= 0) return { problem: 'not_positive' };
  return decimalTextToMinor(String(value), currency);
}

/** Integer minor units back to the decimal literal a seed dialect prints (15000 BRL -> "150.00"). */
export function minorToDecimalLiteral(minor: number, currency: Currency): string {
  const exponent = CURRENCIES[currency].exponent;
  if (exponent === 0) return String(minor);
  const digits = String(minor).padStart(exponent + 1, '0');
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
