import { describe, expect, it } from 'vitest';
import {
  declineMessage,
  formatAmount,
  MESSAGES,
  type MessageKey,
  pickLocale,
  t,
} from '../../src/checkout/i18n';
import type { Locale } from '../../src/domain/methods';
import { type Currency, MAX_AMOUNT } from '../../src/domain/money';

// Intl separates symbol and digits with U+00A0 NO-BREAK SPACE, and formatAmount keeps it.
const NB = '\u00a0';

describe('formatAmount', () => {
  it.each<[number, Currency, Locale, string]>([
    [15000, 'BRL', 'pt-BR', `R$${NB}150,00`],
    [1500, 'CLP', 'es', `CLP${NB}$${NB}1.500`], // the spec's "$ 1.500", told apart from other pesos
    [150000, 'MXN', 'es', 'MX$1,500.00'],
    [150000, 'COP', 'es', `COL$${NB}1.500`], // whole pesos drop ",00"
    [150050, 'COP', 'es', `COL$${NB}1.500,50`], // centavos still show, never rounded to $ 1.501
    [15000, 'PEN', 'es', `S/${NB}150.00`],
    [150000, 'ARS', 'es', `ARS${NB}$${NB}1.500,00`],
    [15000, 'USD', 'es', `US$${NB}150,00`], // never a bare "$" that reads as pesos
    [15000, 'USD', 'en', 'US$150.00'],
    [15000, 'USD', 'pt-BR', `US$${NB}150,00`],
    [15000, 'BRL', 'es', `R$${NB}150,00`],
    [15000, 'BRL', 'en', 'R$150.00'],
    [1500, 'CLP', 'en', `CLP${NB}1,500`],
    [1500, 'CLP', 'pt-BR', `CLP${NB}1.500`],
    [1, 'BRL', 'pt-BR', `R$${NB}0,01`],
    [1, 'USD', 'en', 'US$0.01'],
    [10, 'PEN', 'es', `S/${NB}0.10`],
    [1, 'CLP', 'es', `CLP${NB}$${NB}1`],
    [0, 'BRL', 'pt-BR', `R$${NB}0,00`],
    [123456789, 'BRL', 'pt-BR', `R$${NB}1.234.567,89`],
    [123456789, 'USD', 'en', 'US$1,234,567.89'],
    [123456789, 'MXN', 'es', 'MX$1,234,567.89'],
    [MAX_AMOUNT, 'BRL', 'pt-BR', `R$${NB}99.999.999,99`],
    [MAX_AMOUNT, 'CLP', 'es', `CLP${NB}$${NB}9.999.999.999`],
    [Number.MAX_SAFE_INTEGER, 'USD', 'en', 'US$90,071,992,547,409.91'],
    [-15000, 'BRL', 'pt-BR', `-R$${NB}150,00`],
  ])('%i %s %s -> %j', (minor, currency, locale, expected) => {
    expect(formatAmount(minor, currency, locale)).toBe(expected);
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])('rejects %d', (minor) => {
    expect(() => formatAmount(minor, 'BRL', 'pt-BR')).toThrow(RangeError);
  });
});

describe('pickLocale', () => {
  it.each<[string | null, string, Locale]>([
    ['pt-BR', 'CHL', 'pt-BR'],
    ['es', 'BRA', 'es'],
    ['en', 'BRA', 'en'],
    ['PT-br', 'MEX', 'pt-BR'],
    ['pt', 'MEX', 'pt-BR'],
    ['es-MX', 'BRA', 'es'],
    ['en-US', 'BRA', 'en'],
    ['fr', 'BRA', 'pt-BR'], // not ours: fall back to the country
    ['', 'PER', 'es'],
    [null, 'BRA', 'pt-BR'],
    [null, 'PER', 'es'],
    [null, 'COL', 'es'],
    [null, 'CHL', 'es'],
    [null, 'MEX', 'es'],
    [null, 'ECU', 'es'],
    [null, 'ARG', 'es'],
    [null, 'USA', 'en'],
    [null, 'bra', 'en'],
    [null, '', 'en'],
    ['fr', 'DEU', 'en'],
  ])('%j in %j -> %s', (sessionLocale, country, expected) => {
    expect(pickLocale(sessionLocale, country)).toBe(expected);
  });
});

const KEYS = Object.keys(MESSAGES.en) as MessageKey[];

describe('MESSAGES', () => {
  it('has the texts the checkout needs', () => {
    expect(KEYS).toEqual(
      expect.arrayContaining([
        'pay',
        'method.pix',
        'method.card',
        'method.boleto',
        'method.bank_transfer',
        'field.document',
        'field.installments',
        'installments.option',
        'countdown',
        'test_banner',
        'status.paid',
        'status.pending',
        'pix.copied',
        'simulate',
        'cancel',
        'error.required',
        'decline.generic',
      ]),
    );
  });

  it.each(['pt-BR', 'es'] as const)('%s has exactly the keys of en', (locale) => {
    expect(Object.keys(MESSAGES[locale]).sort()).toEqual([...KEYS].sort());
  });

  const cells = (['pt-BR', 'es', 'en'] as const).flatMap((locale) =>
    KEYS.map((key) => [locale, key] as const),
  );
  it.each(cells)('%s %s is non-empty', (locale, key) => {
    expect(MESSAGES[locale][key].trim()).not.toBe('');
  });

  it.each(KEYS)('%s keeps the same placeholders in every locale', (key) => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(names(MESSAGES['pt-BR'][key])).toEqual(names(MESSAGES.en[key]));
    expect(names(MESSAGES.es[key])).toEqual(names(MESSAGES.en[key]));
  });

  it('translates rather than copies English', () => {
    expect(MESSAGES['pt-BR'].test_banner).toBe('Modo de teste — nenhuma cobrança real');
    expect(MESSAGES['pt-BR'].countdown).toBe('Expira em');
    expect(MESSAGES.es['decline.generic']).not.toBe(MESSAGES.en['decline.generic']);
  });
});

describe('t', () => {
  it.each<[Locale, MessageKey, Record<string, string | number> | undefined, string]>([
    ['pt-BR', 'pay', { amount: `R$${NB}150,00` }, `Pagar R$${NB}150,00`],
    ['es', 'pay', { amount: '$1.500' }, 'Pagar $1.500'],
    ['en', 'pay', { amount: '$150.00' }, 'Pay $150.00'],
    ['pt-BR', 'installments.option', { n: 3, amount: `R$${NB}50,00` }, `3x de R$${NB}50,00 sem juros`],
    ['es', 'installments.option', { n: 6, amount: '$250' }, '6 cuotas sin interés de $250'],
    ['en', 'installments.option', { n: 2, amount: '$75.00' }, '2 interest-free installments of $75.00'],
    ['pt-BR', 'pay', undefined, 'Pagar {amount}'],
    ['pt-BR', 'pay', {}, 'Pagar {amount}'], // a missing value stays visible
    ['en', 'pay', { amount: '{n}', n: 3 }, 'Pay {n}'], // values are not re-interpolated
    ['en', 'pay', { amount: '$1 $& $$' }, 'Pay $1 $& $$'], // nor read as replacement patterns
    ['en', 'pay', { amount: 0 }, 'Pay 0'],
    ['en', 'countdown', { amount: 'x' }, 'Expires in'],
    ['es', 'pix.copied', undefined, '¡Copiado!'],
  ])('%s %s %j', (locale, key, vars, expected) => {
    expect(t(locale, key, vars)).toBe(expected);
  });

  it('ignores inherited names', () => {
    expect(t('en', 'pay', Object.create({ amount: 'inherited' }))).toBe('Pay {amount}');
  });
});

describe('declineMessage', () => {
  const CODES = [
    'card_declined',
    'insufficient_funds',
    'expired_card',
    'incorrect_cvc',
    'processing_error',
    'invalid_number',
    'invalid_expiry',
    'invalid_cvc',
    'invalid_holder_name',
    'unsupported_brand',
    'session_expired',
    'session_paid',
    'session_canceled',
    'payment_in_progress',
    'method_not_available',
  ];
  const cells = (['pt-BR', 'es', 'en'] as const).flatMap((locale) =>
    CODES.map((code) => [locale, code] as const),
  );

  it.each(cells)('%s %s has its own text', (locale, code) => {
    const message = declineMessage(locale, code);
    expect(message).toBe(MESSAGES[locale][`decline.${code}` as MessageKey]);
    expect(message).not.toBe(MESSAGES[locale]['decline.generic']);
  });

  it.each(['do_not_honor', '', 'generic', 'constructor', '__proto__', 'toString'])(
    '%j falls back',
    (code) => {
      expect(declineMessage('pt-BR', code)).toBe(MESSAGES['pt-BR']['decline.generic']);
      expect(declineMessage('es', code)).toBe(MESSAGES.es['decline.generic']);
    },
  );

  it.each([
    ['pt-BR', 'insufficient_funds', 'Limite insuficiente. Tente outro cartão ou outra forma de pagamento.'],
    ['es', 'card_declined', 'Tu banco rechazó el pago. Prueba con otra tarjeta o comunícate con tu banco.'],
    ['en', 'expired_card', 'This card has expired. Please use another card.'],
  ] as const)('%s %s', (locale, code, expected) => {
    expect(declineMessage(locale, code)).toBe(expected);
  });
});
