import { decimalToMinor } from '../domain/decimal';
import { CURRENCIES, type Currency } from '../domain/money';

/**
 * A gateway's decimal amount in Borda's integer minor units, with its currency: the amount only when
 * the currency is one Borda knows and the value converts exactly; the currency alone otherwise.
 */
export function minorAmount(
  value: number | undefined,
  currency: string | undefined,
): { amount?: number; currency?: string } {
  if (!currency || !Object.hasOwn(CURRENCIES, currency) || typeof value !== 'number')
    return currency ? { currency } : {};
  const parsed = decimalToMinor(value, currency as Currency);
  return 'minor' in parsed ? { amount: parsed.minor, currency } : { currency };
}
