import type { Currency } from './money';

/** The countries of seed 000's table, ISO 3166 alpha-3, with their local currency. */
export const COUNTRIES = {
  BRA: { currency: 'BRL', locale: 'pt-BR' },
  PER: { currency: 'PEN', locale: 'es' },
  COL: { currency: 'COP', locale: 'es' },
  CHL: { currency: 'CLP', locale: 'es' },
  MEX: { currency: 'MXN', locale: 'es' },
  ECU: { currency: 'USD', locale: 'es' },
  ARG: { currency: 'ARS', locale: 'es' },
} as const satisfies Record<string, { currency: Currency; locale: string }>;

export type Country = keyof typeof COUNTRIES;
export const COUNTRY_CODES = Object.keys(COUNTRIES) as [Country, ...Country[]];

/**
 * The country a session is for when the merchant does not say. A local currency names its country;
 * USD is used both in Ecuador and for cross-border charges (seed 003 converts USD to BRL), so it
 * follows the merchant's own country and falls back to Ecuador.
 */
export function defaultCountry(currency: Currency, merchantCountry: string | null): Country {
  if (currency === 'USD') return isCountry(merchantCountry) ? merchantCountry : 'ECU';
  const match = COUNTRY_CODES.find((code) => COUNTRIES[code].currency === currency);
  return match ?? 'BRA';
}

export function isCountry(value: unknown): value is Country {
  return typeof value === 'string' && Object.hasOwn(COUNTRIES, value);
}

/** A session charges either the country's own currency or USD. */
export function currencyAllowedIn(country: Country, currency: Currency): boolean {
  return COUNTRIES[country].currency === currency || currency === 'USD';
}
