import { describe, expect, it } from 'vitest';
import {
  type CardBrand,
  checkCard,
  detectBrand,
  luhnValid,
  normalizeCardNumber,
} from '../../src/domain/cards';

// Mid-June 2025, noon UTC: far from any month boundary.
const NOW = new Date('2025-06-15T12:00:00Z');

const GOOD = {
  number: '4242 4242 4242 4242',
  holder_name: 'Ana Souza',
  exp_month: 12,
  exp_year: 2030,
  cvc: '123',
};

describe('normalizeCardNumber', () => {
  it.each([
    ['4242 4242 4242 4242', '4242424242424242'],
    ['4242-4242-4242-4242', '4242424242424242'],
    [' 3782 822463 10005 ', '378282246310005'],
    ['4242\u00a04242', '42424242'],
    ['4242.4242', '4242.4242'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeCardNumber(input)).toBe(expected);
  });
});

describe('luhnValid', () => {
  it.each([
    ['4242424242424242', true],
    ['4000000000000002', true],
    ['4000000000009995', true],
    ['4000000000000069', true],
    ['4000000000000127', true],
    ['4000000000000119', true],
    ['5555555555554444', true],
    ['2223003122003222', true],
    ['378282246310005', true],
    ['36227206271667', true],
    ['3056930009020004', true],
    ['6362970000457013', true],
    ['6062825624254001', true],
    ['0', true],
    ['4242424242424241', false], // check digit off by one
    ['4242424242424224', false], // last two digits transposed
    ['5555555555554440', false],
    ['378282246310006', false],
    ['', false],
    ['4242 4242 4242 4242', false], // not normalized
    ['424242424242424a', false],
  ])('%j -> %s', (digits, expected) => {
    expect(luhnValid(digits)).toBe(expected);
  });
});

describe('detectBrand', () => {
  it.each<[string, CardBrand | null]>([
    ['4242424242424242', 'visa'],
    ['4000000000000002', 'visa'],
    ['4222222222222', 'visa'],
    ['5555555555554444', 'mastercard'],
    ['5105105105105100', 'mastercard'],
    ['2221000000000009', 'mastercard'], // first of the 2-series
    ['2223003122003222', 'mastercard'],
    ['2720990000000007', 'mastercard'], // last of the 2-series
    ['378282246310005', 'amex'],
    ['340000000000009', 'amex'],
    ['36227206271667', 'diners'],
    ['3056930009020004', 'diners'],
    ['30000000000004', 'diners'],
    ['38000000000006', 'diners'],
    ['6362970000457013', 'elo'],
    // Elo BINs inside Visa's 4: must not be Visa.
    ['4011780000000006', 'elo'],
    ['4011790000000005', 'elo'],
    ['4312740000000006', 'elo'],
    ['4389350000000002', 'elo'],
    ['4514160000000003', 'elo'],
    ['4573930000000007', 'elo'],
    ['4576310000000009', 'elo'],
    ['4576320000000008', 'elo'],
    ['4011770000000007', 'visa'], // one below the Elo BIN
    ['5041750000000000', 'elo'],
    ['5066990000000002', 'elo'],
    ['5067780000000006', 'elo'],
    ['5090000000000000', 'elo'],
    ['5099990000000003', 'elo'],
    ['6277800000000006', 'elo'],
    ['6500310000000005', 'elo'],
    ['6516520000000001', 'elo'],
    ['6550580000000002', 'elo'],
    ['6062825624254001', 'hipercard'],
    ['6062820000000003', 'hipercard'],
    ['6370950000000005', 'hipercard'],
    ['6376120000000009', 'hipercard'],
    // Hipercard's 3841xx sits inside Diners' 38.
    ['3841000000000000004', 'hipercard'],
    ['3841400000000000000', 'hipercard'],
    ['3841600000000000008', 'hipercard'],
    ['4242 4242 4242 4242', 'visa'],
    ['6011000000000004', null], // Discover
    ['3530000000000003', null], // JCB
    ['5067790000000005', null], // one past Elo's 506699-506778
    ['6500340000000002', null], // the gap in Elo's 6500xx ranges
    ['2721000000000004', null], // one past Mastercard's 2720
    ['2220990000000000', null], // one before Mastercard's 2221
    ['', null],
    ['abcd', null],
  ])('%s -> %s', (number, expected) => {
    expect(detectBrand(number)).toBe(expected);
  });
});

describe('checkCard accepts', () => {
  it.each<[string, CardBrand, string]>([
    ['4242424242424242', 'visa', '123'],
    ['4000000000000002', 'visa', '123'],
    ['4000000000009995', 'visa', '123'],
    ['4000000000000069', 'visa', '123'],
    ['4000000000000127', 'visa', '123'],
    ['4000000000000119', 'visa', '123'],
    ['4222222222222', 'visa', '123'], // 13 digits
    ['4000000000000000006', 'visa', '123'], // 19 digits
    ['5555 5555 5555 4444', 'mastercard', '123'],
    ['2223003122003222', 'mastercard', '123'],
    ['3782-822463-10005', 'amex', '1234'],
    ['36227206271667', 'diners', '123'],
    ['3056930009020004', 'diners', '123'],
    ['6362970000457013', 'elo', '123'],
    ['4011780000000006', 'elo', '123'],
    ['6062825624254001', 'hipercard', '123'],
    ['3841000000000000004', 'hipercard', '123'],
  ])('%s as %s', (number, brand, cvc) => {
    expect(checkCard({ ...GOOD, number, cvc }, NOW)).toEqual({ ok: true, brand, last4: number.slice(-4) });
  });
});

type Case = [string, Partial<typeof GOOD>, string, string];

describe('checkCard rejects', () => {
  it.each<Case>([
    ['Luhn failure', { number: '4242424242424241' }, 'number', 'invalid_number'],
    ['letters', { number: '4242 4242 4242 424a' }, 'number', 'invalid_number'],
    ['too short', { number: '42424242426' }, 'number', 'invalid_number'],
    ['20 digits', { number: '38000000000000000006' }, 'number', 'invalid_number'],
    ['empty', { number: '' }, 'number', 'invalid_number'],
    ['Visa of 14 digits', { number: '40000000000002' }, 'number', 'invalid_number'],
    ['Mastercard of 15 digits', { number: '555555555555558' }, 'number', 'invalid_number'],
    ['Amex of 16 digits', { number: '3782822463100003' }, 'number', 'invalid_number'],
    ['Elo of 19 digits', { number: '4011780000000000009' }, 'number', 'invalid_number'],
    ['Discover', { number: '6011000000000004' }, 'number', 'unsupported_brand'],
    ['JCB', { number: '3530000000000003' }, 'number', 'unsupported_brand'],
    ['month 0', { exp_month: 0 }, 'exp_month', 'invalid_expiry'],
    ['month 13', { exp_month: 13 }, 'exp_month', 'invalid_expiry'],
    ['fractional month', { exp_month: 1.5 }, 'exp_month', 'invalid_expiry'],
    ['fractional year', { exp_year: 2030.5 }, 'exp_year', 'invalid_expiry'],
    ['3-digit year', { exp_year: 203 }, 'exp_year', 'invalid_expiry'],
    ['5-digit year', { exp_year: 20300 }, 'exp_year', 'invalid_expiry'],
    ['21 years ahead', { exp_year: 2046 }, 'exp_year', 'invalid_expiry'],
    ['last month', { exp_month: 5, exp_year: 2025 }, 'exp_month', 'expired_card'],
    ['last year', { exp_month: 12, exp_year: 2024 }, 'exp_year', 'expired_card'],
    ['2-digit past year', { exp_month: 12, exp_year: 24 }, 'exp_year', 'expired_card'],
    ['2-digit CVC', { cvc: '12' }, 'cvc', 'invalid_cvc'],
    ['4-digit CVC on Visa', { cvc: '1234' }, 'cvc', 'invalid_cvc'],
    ['3-digit CVC on Amex', { number: '378282246310005', cvc: '123' }, 'cvc', 'invalid_cvc'],
    ['letters in CVC', { cvc: '12a' }, 'cvc', 'invalid_cvc'],
    ['empty CVC', { cvc: '' }, 'cvc', 'invalid_cvc'],
    ['1-char name', { holder_name: ' A ' }, 'holder_name', 'invalid_holder_name'],
    ['blank name', { holder_name: '   ' }, 'holder_name', 'invalid_holder_name'],
    ['27-char name', { holder_name: 'A'.repeat(27) }, 'holder_name', 'invalid_holder_name'],
  ])('%s', (_label, change, field, code) => {
    expect(checkCard({ ...GOOD, ...change }, NOW)).toEqual({ ok: false, field, code });
  });
});

describe('checkCard expiry edges', () => {
  it.each<[string, Partial<typeof GOOD>, Date, boolean]>([
    ['this month', { exp_month: 6, exp_year: 2025 }, NOW, true],
    ['this month, 2-digit year', { exp_month: 6, exp_year: 25 }, NOW, true],
    ['next month', { exp_month: 7, exp_year: 2025 }, NOW, true],
    ['exactly 20 years ahead', { exp_month: 12, exp_year: 2045 }, NOW, true],
    // June cards still work on July 1st 05:00 UTC: it is June 30th in Mexico and Peru.
    ['just past month end in UTC', { exp_month: 6, exp_year: 2025 }, new Date('2025-07-01T05:00:00Z'), true],
    ['past month end everywhere', { exp_month: 6, exp_year: 2025 }, new Date('2025-07-01T12:30:00Z'), false],
    ['year turn, December card', { exp_month: 12, exp_year: 2025 }, new Date('2026-01-01T11:00:00Z'), true],
    ['year turn, December card', { exp_month: 12, exp_year: 2025 }, new Date('2026-01-02T00:00:00Z'), false],
  ])('%s', (_label, change, now, ok) => {
    expect(checkCard({ ...GOOD, ...change }, now).ok).toBe(ok);
  });
});

describe('checkCard holder name and output', () => {
  it.each([
    ['Jo', true],
    ['  Jo  ', true],
    ['A'.repeat(26), true],
    ['João Conceição', true],
    ['É'.repeat(26), true], // counted in characters, not bytes
  ])('name %j -> %s', (holder_name, ok) => {
    expect(checkCard({ ...GOOD, holder_name }, NOW).ok).toBe(ok);
  });

  it('returns only brand and last4, never the number or CVC', () => {
    const result = checkCard({ ...GOOD, cvc: '987' }, NOW);
    expect(Object.keys(result).sort()).toEqual(['brand', 'last4', 'ok']);
    const text = JSON.stringify(result);
    expect(text).not.toContain('424242424242');
    expect(text).not.toContain('987');
  });

  it('keeps the number out of failures too', () => {
    const text = JSON.stringify(checkCard({ ...GOOD, cvc: '9' }, NOW));
    expect(text).not.toContain('4242');
    expect(text).not.toContain('"9"');
  });
});
