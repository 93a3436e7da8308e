/**
 * Currencies Borda takes, with their ISO 4217 exponents. Amounts are always integer minor units:
 * BRL 150.00 is 15000, CLP 1500 is 1500 (CLP has no decimals).
 */
export const CURRENCIES = {
  BRL: { exponent: 2 },
  USD: { exponent: 2 },
  MXN: { exponent: 2 },
  CLP: { exponent: 0 },
  COP: { exponent: 2 },
  PEN: { exponent: 2 },
  ARS: { exponent: 2 },
} as const;

export type Currency = keyof typeof CURRENCIES;
export const CURRENCY_CODES = Object.keys(CURRENCIES) as [Currency, ...Currency[]];

/** Ten digits of minor units, as seed 004 bounds `amount`; far inside Number.MAX_SAFE_INTEGER. */
export const MAX_AMOUNT = 9_999_999_999;
