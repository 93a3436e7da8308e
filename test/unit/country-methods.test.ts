import { describe, expect, it } from 'vitest';
import { COUNTRIES, COUNTRY_CODES, type Country } from '../../src/domain/countries';
import {
  COUNTRY_METHOD_TABLE,
  isMethodSlug,
  METHOD_SLUGS,
  METHODS,
  type MethodSlug,
  methodInfo,
  methodsFor,
} from '../../src/domain/country-methods';
import { LOCALES, PAYMENT_METHODS } from '../../src/domain/methods';
import { CURRENCY_CODES, type Currency } from '../../src/domain/money';

// Seed 000, "Available Countries", transcribed independently of the module: country, currency, methods.
const SEED_000: Array<[Country, Currency, MethodSlug[]]> = [
  ['BRA', 'BRL', ['pix', 'boleto', 'bank_transfer', 'picpay']],
  ['PER', 'PEN', ['bank_transfer', 'cip', 'pe_wallet']],
  ['COL', 'COP', ['pse', 'nequi', 'efecty', 'transfiya']],
  ['CHL', 'CLP', ['bank_transfer', 'servipag']],
  ['MEX', 'MXN', ['spei', 'oxxo']],
  ['ECU', 'USD', ['bank_transfer']],
  ['ARG', 'ARS', ['bank_transfer']],
];

describe('COUNTRY_METHOD_TABLE', () => {
  it('covers exactly the countries of seed 000', () => {
    expect(Object.keys(COUNTRY_METHOD_TABLE).sort()).toEqual(SEED_000.map(([c]) => c).sort());
    expect(Object.keys(COUNTRY_METHOD_TABLE).sort()).toEqual([...COUNTRY_CODES].sort());
  });

  it.each(SEED_000)("%s (%s) has seed 000's methods plus card", (country, currency, methods) => {
    expect(COUNTRIES[country].currency).toBe(currency);
    expect(COUNTRY_METHOD_TABLE[country]).toEqual([...methods, 'card']);
    expect(methodsFor(country, currency)).toEqual([...methods, 'card']);
  });

  it('uses only known slugs, each once per country', () => {
    for (const country of COUNTRY_CODES) {
      const methods = COUNTRY_METHOD_TABLE[country];
      expect(new Set(methods).size).toBe(methods.length);
      for (const m of methods) expect(isMethodSlug(m)).toBe(true);
    }
  });

  it('lists every method in some country', () => {
    const used = new Set(Object.values(COUNTRY_METHOD_TABLE).flat());
    expect([...used].sort()).toEqual([...METHOD_SLUGS].sort());
  });
});

describe('methodsFor', () => {
  it.each(COUNTRY_CODES.filter((c) => c !== 'ECU'))('%s with USD gets card only', (country) => {
    expect(methodsFor(country, 'USD')).toEqual(['card']);
  });

  it("keeps Ecuador's bank transfer for USD, its own currency", () => {
    expect(methodsFor('ECU', 'USD')).toEqual(['bank_transfer', 'card']);
  });

  it('offers nothing for a currency the country does not accept', () => {
    expect(methodsFor('BRA', 'MXN')).toEqual([]);
    expect(methodsFor('MEX', 'BRL')).toEqual([]);
    expect(methodsFor('CHL', 'COP')).toEqual([]);
  });

  it('never offers a method outside its currency constraint', () => {
    for (const country of COUNTRY_CODES) {
      for (const currency of CURRENCY_CODES) {
        for (const slug of methodsFor(country, currency)) {
          const allowed = methodInfo(slug).currencies;
          if (allowed !== undefined) expect(allowed).toContain(currency);
          expect(COUNTRY_METHOD_TABLE[country]).toContain(slug);
        }
      }
    }
  });

  it('restricts BRL-only methods to BRL', () => {
    for (const slug of ['pix', 'boleto', 'picpay'] as const) {
      expect(methodInfo(slug).currencies).toEqual(['BRL']);
      expect(methodsFor('BRA', 'BRL')).toContain(slug);
      expect(methodsFor('BRA', 'USD')).not.toContain(slug);
    }
  });
});

describe('METHODS', () => {
  it("has unique slugs, including the session API's", () => {
    expect(new Set(METHOD_SLUGS).size).toBe(METHODS.length);
    for (const m of PAYMENT_METHODS) expect(isMethodSlug(m)).toBe(true);
    expect(isMethodSlug('wallets')).toBe(false);
    expect(isMethodSlug(42)).toBe(false);
  });

  it.each(METHODS.map((m) => [m.slug, m] as const))('%s has a label in every locale', (_slug, method) => {
    expect(Object.keys(method.label).sort()).toEqual([...LOCALES].sort());
    for (const locale of LOCALES) expect(method.label[locale].trim()).not.toBe('');
  });

  it.each([
    ['native', ['pix', 'card', 'boleto', 'bank_transfer', 'spei']],
    ['voucher', ['oxxo', 'efecty', 'servipag', 'cip']],
    ['redirect', ['pse', 'nequi', 'transfiya', 'picpay', 'pe_wallet']],
  ])('classifies the %s methods', (kind, slugs) => {
    expect(
      METHODS.filter((m) => m.kind === kind)
        .map((m) => m.slug)
        .sort(),
    ).toEqual([...slugs].sort());
  });

  it("ties each local method to its country's currency", () => {
    for (const [country, currency, methods] of SEED_000) {
      for (const slug of methods) {
        const allowed = methodInfo(slug).currencies;
        expect(allowed === undefined || allowed.includes(currency), `${slug} in ${country}`).toBe(true);
      }
    }
    expect(methodInfo('card').currencies).toBeUndefined();
    expect(methodInfo('bank_transfer').currencies).toBeUndefined();
  });
});
